import { prepareItems, type PreparedItem } from './prepare-items';

/** A list page's body as received, and the position of its first item in the list. */
export interface PageBody {
  bytes: Uint8Array;
  firstPosition: number;
}

export type PreparedPageBody =
  { kind: 'items'; items: PreparedItem[] } | { kind: 'not-json' } | { kind: 'not-array' };

/** Decodes and parses a list page's body, then prepares each item. Never throws. */
export function preparePageBody({ bytes, firstPosition }: PageBody): PreparedPageBody {
  let items: unknown;
  try {
    items = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return { kind: 'not-json' };
  }
  if (!Array.isArray(items)) return { kind: 'not-array' };
  return { kind: 'items', items: prepareItems(items, firstPosition) };
}
