import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { describeExport } from './export-state';
import { readCsvExport } from './read-csv-export';

const encoder = new TextEncoder();
const CSV =
  '\uFEFFCall id,Summary,Link\r\nc1,"two\r\nlines",/calls/c1\r\nc2,plain,/calls/c2\r\nc3,"a ""b""",/calls/c3\r\n';

/** A fetch that answers `body` in pieces of `size` bytes, with `headers`. */
function fetchOf(body: string, headers: Record<string, string>, status = 200, size = 7) {
  const bytes = encoder.encode(body);
  return (async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      }),
      { status, headers },
    )) as unknown as typeof fetch;
}

const options = (fetchImpl: typeof fetch, progress: number[] = []) => ({
  signal: new AbortController().signal,
  onProgress: ({ rows }: { rows: number }) => progress.push(rows),
  fileName: (header: string | null) => header ?? 'fallback.csv',
  fetchImpl,
});

describe('readCsvExport', () => {
  it('counts the rows as they arrive and keeps every byte', async () => {
    const progress: number[] = [];
    const result = await readCsvExport(
      '/api/calls.csv',
      options(
        fetchOf(CSV, {
          'x-total-count': '3',
          'x-export-limit': '1000',
          'x-export-truncated': 'false',
          'content-disposition': 'name.csv',
        }),
        progress,
      ),
    );
    expect(result).toMatchObject({ rows: 3, total: 3, truncated: false, fileName: 'name.csv' });
    expect(progress.at(-1)).toBe(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect([...new Uint8Array(await result.blob.arrayBuffer())]).toEqual([...encoder.encode(CSV)]);
  });

  it('does not count the notice of a file cut at the limit', async () => {
    const cut = `${CSV}"# Export truncated: these are the first 3 of 9 matching calls",,\r\n`;
    const result = await readCsvExport(
      '/x',
      options(
        fetchOf(cut, { 'x-total-count': '9', 'x-export-limit': '3', 'x-export-truncated': 'true' }),
      ),
    );
    expect(result).toMatchObject({ rows: 3, total: 9, limit: 3, truncated: true });
    expect(describeExport({ phase: 'done', ...result })).toBe(
      'Exported 3 rows: the limit of 3 rows was reached (9 calls match). Narrow the filters to export the rest.',
    );
  });

  it("says what the server refused, in the server's words", async () => {
    const refusal = JSON.stringify({
      detail: [{ type: 'enum', loc: ['query', 'tz'], msg: 'Input should be an IANA time zone' }],
    });
    const error = await readCsvExport('/x', options(fetchOf(refusal, {}, 422))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('tz: Input should be an IANA time zone');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const never = (async (_url: string, init: RequestInit) =>
      new Response(
        new ReadableStream({
          start(stream) {
            stream.enqueue(encoder.encode('Call id\r\nc1\r\n'));
            init.signal?.addEventListener('abort', () => stream.error(init.signal?.reason));
          },
        }),
      )) as unknown as typeof fetch;
    const reading = readCsvExport('/x', {
      ...options(never),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('describeExport', () => {
  it('puts each phase in words', () => {
    expect(describeExport({ phase: 'idle' })).toBe('');
    expect(describeExport({ phase: 'running', rows: 1200, total: 5000 })).toBe(
      'Exporting… 1,200 of 5,000 rows',
    );
    expect(describeExport({ phase: 'running', rows: 1, total: null })).toBe(
      'Exporting… 1 row so far',
    );
    expect(describeExport({ phase: 'cancelled', rows: 10 })).toBe(
      'Export cancelled after 10 rows.',
    );
    expect(describeExport({ phase: 'failed', message: 'The server is down.' })).toBe(
      'Export failed: The server is down.',
    );
    expect(
      describeExport({
        phase: 'done',
        rows: 2,
        total: 2,
        truncated: false,
        limit: 10,
        fileName: 'a.csv',
      }),
    ).toBe('Exported 2 rows.');
  });
});
