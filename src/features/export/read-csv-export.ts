import { EXPORT_LIMIT_HEADER, EXPORT_TOTAL_HEADER, EXPORT_TRUNCATED_HEADER } from '@contract';
import { ApiError, errorFromResponse } from '@/lib/api-client';
import { countRecords, NO_RECORDS } from './record-counter';

export interface ExportProgress {
  /** Calls received so far. */
  rows: number;
  /** Calls the filters matched when the export began; null when the server did not say. */
  total: number | null;
}

export interface ExportResult extends ExportProgress {
  blob: Blob;
  fileName: string;
  /** More calls matched than the server's limit let out; the file ends with a row that says so. */
  truncated: boolean;
  limit: number | null;
}

interface ReadOptions {
  signal: AbortSignal;
  onProgress(progress: ExportProgress): void;
  fileName(contentDisposition: string | null): string;
  fetchImpl?: typeof fetch;
}

/**
 * Downloads an export into memory as it streams, counting its rows on the way (the first record
 * is the headings, and a file cut at the limit ends with one more that says so). Aborting
 * `signal` stops the download and rejects with an AbortError.
 */
export async function readCsvExport(url: string, options: ReadOptions): Promise<ExportResult> {
  const { signal, onProgress, fetchImpl = fetch } = options;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal,
      headers: { accept: 'text/csv' },
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('network', 0, 'The Callscope server could not be reached for the export.');
  }
  if (!response.ok || !response.body) {
    throw errorFromResponse(response.status, await jsonOf(response), response.headers);
  }
  const count = (name: string) => {
    const value = Number(response.headers.get(name) ?? Number.NaN);
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  };
  const total = count(EXPORT_TOTAL_HEADER);
  const limit = count(EXPORT_LIMIT_HEADER);
  const truncated = response.headers.get(EXPORT_TRUNCATED_HEADER) === 'true';
  // The headings are one record; at the limit, the notice is another.
  const rowsOf = (records: number) => Math.max(0, Math.min(records - 1, limit ?? Infinity));

  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let counted = NO_RECORDS;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      counted = countRecords(counted, value);
      onProgress({ rows: rowsOf(counted.records), total });
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('network', 0, 'The export was cut off before it ended. Try again.');
  }
  return {
    blob: new Blob(parts as BlobPart[], { type: 'text/csv;charset=utf-8' }),
    fileName: options.fileName(response.headers.get('content-disposition')),
    rows: rowsOf(counted.records),
    total,
    truncated,
    limit,
  };
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}
