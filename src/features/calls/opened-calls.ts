import { createBoundedCache } from '@/lib/bounded-cache';

/** The call last opened from each list URL, so Back can give its row the focus again. */
const openedFrom = createBoundedCache<string, string>(50);

export const rememberOpenedCall = (listSearch: string, id: string) =>
  openedFrom.set(listSearch, id);

export const openedCallOf = (listSearch: string) => openedFrom.get(listSearch);
