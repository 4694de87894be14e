import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { CallCursor, CallQuery, CallStore, ExportRow } from '../store/types';

export interface CallRowStreamOptions {
  store: CallStore;
  query: CallQuery;
  /** Rows read per store query, and written per piece of text. */
  chunkRows: number;
  /** The most calls the stream gives; then `onLimit` adds its last record. */
  maxRows: number;
  /** The first record (the headings). */
  first: Cell[];
  row(call: ExportRow): Cell[];
  /** The last record when more calls than `maxRows` matched (at the time the limit was hit). */
  onLimit(): Promise<Cell[]>;
}

type Cell = string | number;

/**
 * The calls of `query` as CSV text (csv-stringify; UTF-8 with a BOM, CRLF), read from the store
 * a chunk at a time and only as fast as the consumer takes it, so an export holds about one
 * chunk in memory however many rows match. Destroying it (the client went away) stops the reads.
 */
export function callRowStream(options: CallRowStreamOptions): Readable {
  const { store, query, chunkRows, maxRows } = options;
  let cursor: CallCursor | null = null;
  let sent = 0;
  let first = true;
  /** The store has nothing after the rows sent. */
  let exhausted = false;
  let ended = false;

  const text = (records: Cell[][]) => {
    const csv = stringify(records, { bom: first, record_delimiter: 'windows' });
    first = false;
    return csv;
  };

  /** The next piece of text, or null once everything is sent. */
  async function next(): Promise<string | null> {
    if (ended) return null;
    const records: Cell[][] = first ? [options.first] : [];
    if (exhausted) {
      ended = true;
    } else if (sent >= maxRows) {
      ended = true;
      // One row past the limit says whether the limit cut anything off.
      if ((await store.exportAfter(query, cursor, 1)).rows.length > 0) {
        records.push(await options.onLimit());
      }
    } else {
      const chunk = await store.exportAfter(query, cursor, Math.min(chunkRows, maxRows - sent));
      cursor = chunk.next;
      exhausted = chunk.next === null;
      sent += chunk.rows.length;
      for (const call of chunk.rows) records.push(options.row(call));
    }
    return records.length > 0 ? text(records) : ended ? null : next();
  }

  // One read of the store at a time: `read` is called again while one is under way.
  let reading = false;
  return new Readable({
    read() {
      if (reading) return;
      reading = true;
      const pump = async () => {
        try {
          for (;;) {
            if (this.destroyed) return;
            const piece = await next();
            if (piece === null) {
              this.push(null);
              return;
            }
            if (!this.push(piece)) return;
          }
        } finally {
          reading = false;
        }
      };
      pump().catch((error: unknown) =>
        this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
