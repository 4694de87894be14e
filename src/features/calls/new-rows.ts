import type { ConversationPage } from '@/lib/conversations-api';

const idsOf = (page: ConversationPage) =>
  page.rows.flatMap((row) => (row.kind === 'ok' ? [row.conversation.id] : []));

/**
 * How many calls a refreshed page holds that the page on screen does not. Zero means the refresh
 * can replace the page in place: the same calls, perhaps with new details, never a row moving in
 * under the user's pointer.
 */
export function countNewRows(shown: ConversationPage, fresh: ConversationPage): number {
  const known = new Set(idsOf(shown));
  return idsOf(fresh).filter((id) => !known.has(id)).length;
}
