import type { FastifyInstance } from 'fastify';
import {
  CALLS_EXPORT_PATH,
  EXPORT_LIMIT_HEADER,
  EXPORT_TOTAL_HEADER,
  EXPORT_TRUNCATED_HEADER,
  exportFileName,
  TRUNCATED_NOTICE_PREFIX,
} from '../../contract';
import { FAST_COMPRESSION } from '../http/compression';
import type { ReviewStore } from '../store/review-types';
import type { CallStore } from '../store/types';
import { callRowStream } from './call-row-stream';
import { exportRows } from './export-columns';
import { exportViewWords, exportDate } from './export-naming';
import { validateExportParams } from './export-params';
import { ExportRuns } from './export-runs';

export interface ExportLimits {
  /** The most rows one export writes (`EXPORT_MAX_ROWS`). */
  maxRows: number;
  /** Exports running at once on this server (`EXPORT_MAX_CONCURRENT`); more get a 429. */
  maxConcurrent: number;
  /**
   * Rows read per store query, and written per piece of text. Small chunks keep little in flight
   * between the index and the socket, so little lives long enough for V8 to move it to its old
   * generation: a million-row export grew the server's RSS by about 130 MB with chunks of 1,000
   * rows, by 33 MB with 250; the CPU per row was the same.
   */
  chunkRows: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  maxRows: 1_000_000,
  maxConcurrent: 3,
  chunkRows: 250,
};

export interface CallsExportOptions {
  store: CallStore;
  reviews?: ReviewStore;
  limits?: Partial<ExportLimits>;
  /** The running exports (tests watch them); one of its own when absent. */
  runs?: ExportRuns;
}

/**
 * `GET /api/calls.csv`: the list with `/api/calls`'s filters and sort as CSV, streamed from the
 * index a chunk at a time as fast as the client reads it. UTF-8 with a BOM (Excel reads it as
 * UTF-8), CRLF line ends, at most `maxRows` rows: a file cut there says so in its last row and in
 * `X-Export-Truncated`. A client that goes away stops the reads.
 */
export function registerCallsExport(scope: FastifyInstance, options: CallsExportOptions): void {
  const { store, reviews } = options;
  const limits = { ...DEFAULT_EXPORT_LIMITS, ...options.limits };
  const runs = options.runs ?? new ExportRuns();
  scope.addHook('preClose', async () => runs.stopAll());

  const routeOptions = { exposeHeadRoute: false, compress: FAST_COMPRESSION };
  scope.get(CALLS_EXPORT_PATH, routeOptions, async (request, reply) => {
    const { query, timeZone, columns } = await validateExportParams(request, reviews);
    if (runs.size >= limits.maxConcurrent) {
      return reply
        .code(429)
        .header('retry-after', '10')
        .send({ detail: `${runs.size} exports are running already. Try again in a few seconds.` });
    }
    const total = await store.total(query);
    const rows = exportRows(columns, { timeZone, origin: `${request.protocol}://${request.host}` });
    const headings = rows.headings();
    const source = callRowStream({
      store,
      query,
      chunkRows: limits.chunkRows,
      maxRows: limits.maxRows,
      first: headings,
      row: rows.row,
      onLimit: async () => [
        `${TRUNCATED_NOTICE_PREFIX}: these are the first ${limits.maxRows} of ${await store.total(query)} matching calls (the export limit). Narrow the filters to export the rest.`,
        ...headings.slice(1).map(() => ''),
      ],
    });
    runs.add(source);
    source.on('error', (error) => request.log.warn(`CSV export stopped: ${error.message}`));
    const agentNames = await store.agentNames();
    const name = exportFileName(
      exportViewWords(query, (id) => agentNames.get(id) ?? id),
      exportDate(timeZone),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .header(EXPORT_TOTAL_HEADER, String(total))
      .header(EXPORT_LIMIT_HEADER, String(limits.maxRows))
      .header(EXPORT_TRUNCATED_HEADER, String(total > limits.maxRows))
      .send(source);
  });
}
