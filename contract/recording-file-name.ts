import type { Conversation } from './conversation';
import { parseTrataTimestamp } from './timestamps';

const MAX_CALLER_CHARACTERS = 60;

/** Letters and digits survive (accents dropped); every other run of characters becomes one dash. */
export function fileNameSlug(text: string, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, maxLength)
    .replace(/[-.]+$/, '')
    .toLowerCase();
}

/**
 * The name a downloaded recording is saved under: the caller, the call's date and its id, e.g.
 * `dana-whitfield_2026-01-05_con.1763631000.abc.mp3`. Only ASCII letters, digits, dots, dashes
 * and underscores, so it is safe in a `Content-Disposition` header and on every file system.
 * The server and the player's download link both name the file with it.
 */
export function recordingFileName(
  conversation: Pick<
    Conversation,
    'id' | 'timestampStart' | 'source' | 'sourceType' | 'conversationAnalytics'
  >,
  extension = 'mp3',
): string {
  const analytics = conversation.conversationAnalytics;
  const caller =
    fileNameSlug(analytics?.name_of_caller ?? '', MAX_CALLER_CHARACTERS) ||
    fileNameSlug(analytics?.phone_number_of_caller ?? '', MAX_CALLER_CHARACTERS) ||
    fileNameSlug(conversation.source ?? '', MAX_CALLER_CHARACTERS) ||
    'unknown-caller';
  const startedMs = parseTrataTimestamp(conversation.timestampStart);
  const date = startedMs === null ? 'undated' : new Date(startedMs).toISOString().slice(0, 10);
  const id = fileNameSlug(conversation.id, 120) || 'call';
  return `${caller}_${date}_${id}.${fileNameSlug(extension, 8) || 'bin'}`;
}
