import { formatCount } from '@/lib/format-count';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; rows: number; total: number | null }
  | {
      phase: 'done';
      rows: number;
      total: number | null;
      truncated: boolean;
      limit: number | null;
      fileName: string;
    }
  | { phase: 'cancelled'; rows: number }
  | { phase: 'failed'; message: string };

const rowsText = (rows: number) => `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`;

/** What the export is doing, in words a status line shows and a screen reader reads out. */
export function describeExport(state: ExportState): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'running':
      return state.total === null
        ? `Exporting… ${rowsText(state.rows)} so far`
        : `Exporting… ${formatCount(state.rows)} of ${rowsText(state.total)}`;
    case 'done':
      return state.truncated
        ? `Exported ${rowsText(state.rows)}: the limit of ${formatCount(state.limit ?? state.rows)} rows was reached${
            state.total === null ? '' : ` (${formatCount(state.total)} calls match)`
          }. Narrow the filters to export the rest.`
        : `Exported ${rowsText(state.rows)}.`;
    case 'cancelled':
      return `Export cancelled after ${rowsText(state.rows)}.`;
    case 'failed':
      return `Export failed: ${state.message}`;
  }
}
