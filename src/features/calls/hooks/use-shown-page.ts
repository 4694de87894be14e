import { useState } from 'react';
import type { ConversationPage } from '@/lib/conversations-api';
import { countNewRows } from '../new-rows';

interface ShownPage {
  key: string;
  page: ConversationPage;
}

export interface ShownPageState {
  /** The rows to show: the page of these params, or the last one shown when none has come. */
  page: ConversationPage | undefined;
  /** The rows belong to other params (the last page shown before a failed request). */
  stale: boolean;
  /** Calls a background refresh found that are not on screen yet. */
  newCount: number;
  /** Shows the refreshed page. */
  reveal(): void;
}

/**
 * Which page the table shows. A page for new params shows at once; a refresh of the same params
 * replaces it in place when it holds the same calls, and otherwise waits for the user to ask
 * for the new calls, so rows never move under the pointer. After a failed request the rows
 * already on screen stay there.
 */
export function useShownPage(
  key: string,
  data: ConversationPage | undefined,
  isPlaceholderData: boolean,
): ShownPageState {
  const [shown, setShown] = useState<ShownPage | null>(null);
  const none = { newCount: 0, reveal: () => {} };
  if (data === undefined) {
    return { page: shown?.page, stale: shown !== null && shown.key !== key, ...none };
  }
  if (isPlaceholderData) return { page: data, stale: false, ...none };
  if (shown === null || shown.key !== key || shown.page === data) {
    if (shown?.page !== data || shown.key !== key) setShown({ key, page: data });
    return { page: data, stale: false, ...none };
  }
  const newCount = countNewRows(shown.page, data);
  if (newCount === 0) {
    setShown({ key, page: data });
    return { page: data, stale: false, ...none };
  }
  return {
    page: shown.page,
    stale: false,
    newCount,
    reveal: () => setShown({ key, page: data }),
  };
}
