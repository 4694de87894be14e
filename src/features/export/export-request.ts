import { CALLS_EXPORT_PATH, EXPORT_COLUMNS, isTimeZone } from '@contract';

/**
 * The export's address for a view of the list: its filters and sort (never its page), the
 * columns it shows, and the viewer's time zone (left to the server's UTC when the browser names
 * none the server would take).
 */
export function exportUrl(
  listQuery: URLSearchParams,
  visibleColumns: readonly string[],
  timeZone: string | undefined,
): string {
  const query = new URLSearchParams(listQuery);
  query.delete('skip');
  query.delete('limit');
  const columns = EXPORT_COLUMNS.filter((id) => visibleColumns.includes(id));
  if (columns.length > 0) query.set('columns', columns.join(','));
  if (timeZone && isTimeZone(timeZone)) query.set('tz', timeZone);
  return `${CALLS_EXPORT_PATH}?${query.toString()}`;
}

/** The file name the server gave (`attachment; filename="…"`), or `fallback`. */
export function attachmentFileName(contentDisposition: string | null, fallback: string): string {
  const name = /filename="([^"/\\]+)"/.exec(contentDisposition ?? '')?.[1];
  return name && /^[A-Za-z0-9._-]+$/.test(name) ? name : fallback;
}

/** The browser's own zone, as Intl names it. */
export function viewerTimeZone(): string | undefined {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
