import { Button } from '@/components/ui/button';
import { describeExport } from './export-state';
import { exportUrl, viewerTimeZone } from './export-request';
import { useCsvExport } from './use-csv-export';

interface ExportButtonProps {
  /** The list's query: its filters and sort (the page is left out). */
  listQuery: URLSearchParams;
  /** The list's visible column ids. */
  columns: readonly string[];
}

/**
 * "Export CSV": every call the list's filters match, in its sort, with its visible columns.
 * While it runs, the same button cancels it, and a status line counts the rows.
 */
export function ExportButton({ listQuery, columns }: ExportButtonProps) {
  const { state, start, cancel } = useCsvExport();
  const running = state.phase === 'running';
  const text = describeExport(state);
  return (
    <div className="flex items-center gap-2">
      <p
        role={state.phase === 'failed' ? 'alert' : 'status'}
        className={`max-w-xs text-right text-xs tabular-nums ${state.phase === 'failed' ? 'text-red-700' : 'text-slate-600'}`}
      >
        {text}
      </p>
      <Button
        onClick={() =>
          running ? cancel() : void start(exportUrl(listQuery, columns, viewerTimeZone()))
        }
      >
        {running ? 'Cancel export' : 'Export CSV'}
      </Button>
    </div>
  );
}
