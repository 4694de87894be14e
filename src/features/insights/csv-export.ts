import { stringify } from 'csv-stringify/browser/esm/sync';
import { neutralizeFormula } from '@contract';

/** Text goes through the export's formula guard; numbers are data, a negative one too. */
export function neutralizeCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return neutralizeFormula(value);
}

/** CSV text with a UTF-8 byte order mark, so Excel reads names in any script correctly. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((row) => row.map(neutralizeCell))])}`;
}

/** A file name after the view and the day: `callscope-insights-agents-2026-11-25.csv`. */
export function csvFileName(view: string, day: string): string {
  return `callscope-insights-${view}-${day}.csv`;
}

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed.
  queueMicrotask(() => URL.revokeObjectURL(url));
}
