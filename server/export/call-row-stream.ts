import { Readable } from 'node:stream';
import type { CallListItem } from '../../contract';
import type { CallCursor, CallQuery, CallStore } from '../store/types';

export interface CallRowStreamOptions {
  store: CallStore;
  query: CallQuery;
  /** Rows read per store query. */
  chunkRows: number;
  /** The most calls the stream gives; then `onLimit` adds its last record. */
  maxRows: number;
  /** The first record (the headings). */
  first: unknown[];
  row(call: CallListItem): unknown[];
  /** The last record when more calls than `maxRows` matched (at the time the limit was hit). */
  onLimit(): unknown[];
}

/**
 * The calls of `query`, one CSV record each, read from the store a chunk at a time and only as
 * fast as the consumer takes them (object mode, pulled by `read`), so an export holds at most a
 * chunk in memory however many rows match. Destroying it (the client went away) stops the reads.
 */
export function callRowStream(options: CallRowStreamOptions): Readable {
  const { store, query, chunkRows, maxRows } = options;
  let cursor: CallCursor | null = null;
  let pending: CallListItem[] = [];
  let index = 0;
  let sent = 0;
  let started = false;
  /** The store has nothing after `pending`. */
  let exhausted = false;

  return new Readable({
    objectMode: true,
    highWaterMark: chunkRows,
    read() {
      if (!started) {
        started = true;
        if (!this.push(options.first)) return;
      }
      for (;;) {
        if (index >= pending.length) {
          if (exhausted) {
            this.push(null);
            return;
          }
          if (sent >= maxRows) {
            // One row past the limit says whether the limit cut anything off.
            if (store.listAfter(query, cursor, 1).items.length > 0) this.push(options.onLimit());
            this.push(null);
            return;
          }
          const chunk = store.listAfter(query, cursor, Math.min(chunkRows, maxRows - sent));
          pending = chunk.items;
          index = 0;
          cursor = chunk.next;
          exhausted = chunk.next === null;
          continue;
        }
        const call = pending[index++]!;
        sent++;
        if (!this.push(options.row(call))) return;
      }
    },
  });
}
