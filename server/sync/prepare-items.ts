import { parseTrataTimestamp } from '../../contract';
import { toCallRecord, type CallRecord } from '../store/call-record';
import { parseForIndex } from './lenient-parse';

/**
 * One item of a list page, checked and made the record the index stores. `id` is the item's
 * own id (none when it sent no usable one, so a sweep never anchors on it); `label` names it
 * in the sync status either way.
 */
export type PreparedItem =
  | { kind: 'ok'; id: string; label: string; record: CallRecord; updatedAt: number | null }
  | {
      kind: 'partial';
      id: string;
      label: string;
      /** Which fields were left out, and why. */
      reason: string;
      record: CallRecord;
      updatedAt: number | null;
    }
  | { kind: 'skipped'; id: string | undefined; label: string; reason: string };

/** Checks each item on its own (see `parseForIndex`) and builds its record. Never throws. */
export function prepareItems(items: unknown[], firstPosition: number): PreparedItem[] {
  return items.map((item, index): PreparedItem => {
    const parsed = parseForIndex(item, firstPosition + index);
    if (parsed.kind === 'skipped') {
      const raw = (item as { id?: unknown } | null)?.id;
      const id = typeof raw === 'string' ? raw : undefined;
      return { kind: 'skipped', id, label: parsed.id, reason: parsed.reason };
    }
    const { conversation } = parsed;
    const common = {
      id: conversation.id,
      label: conversation.id,
      record: toCallRecord(conversation),
      updatedAt: parseTrataTimestamp(conversation.updatedAt),
    };
    return parsed.kind === 'partial'
      ? { kind: 'partial', reason: parsed.reason, ...common }
      : { kind: 'ok', ...common };
  });
}
