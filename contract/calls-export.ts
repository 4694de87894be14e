import { fileNameSlug } from './recording-file-name';

/**
 * `GET /api/calls.csv`: the list as CSV, with `/api/calls`'s filters and sort, every matching row
 * (up to the server's limit) rather than one page.
 */
export const CALLS_EXPORT_PATH = '/api/calls.csv';

/** The list's columns an export can carry (the list's own column ids); id and link always come. */
export const EXPORT_COLUMNS = [
  'start',
  'duration',
  'caller',
  'agent',
  'sentiment',
  'prospect',
  'summary',
  'consent',
  'status',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Response headers of an export. */
export const EXPORT_TOTAL_HEADER = 'x-total-count';
export const EXPORT_LIMIT_HEADER = 'x-export-limit';
/** `true` when more calls match than the limit lets out; the file then ends with a notice row. */
export const EXPORT_TRUNCATED_HEADER = 'x-export-truncated';

/** The first cell of the last row of a file cut at the limit. */
export const TRUNCATED_NOTICE_PREFIX = '# Export truncated';

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and a leading tab
 * or carriage return can hide one), so such a cell gets a leading single quote: it then reads as
 * text. Applied to every text cell that comes from call data.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const VIEW_MAX_CHARACTERS = 80;

/**
 * The name an export is saved under: the view's words and the date, e.g.
 * `callscope-calls_negative-consent-missing_2026-12-02.csv`, or `callscope-calls_all_…` without
 * filters. Safe in a `Content-Disposition` header and on every file system (see `fileNameSlug`).
 */
export function exportFileName(view: readonly string[], isoDate: string): string {
  const words = fileNameSlug(view.join('-'), VIEW_MAX_CHARACTERS) || 'all';
  return `callscope-calls_${words}_${fileNameSlug(isoDate, 10) || 'undated'}.csv`;
}
