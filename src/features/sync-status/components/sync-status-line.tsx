import { useSyncView } from '../use-sync-view';
import { BackfillBar } from './backfill-bar';

/**
 * The header's quiet line: how fresh the index is, or a backfill's progress. An outage is the
 * banner's to say (`SyncBanner`), so the line steps aside then.
 */
export function SyncStatusLine() {
  const view = useSyncView();
  if (!view || view.kind === 'unreachable') return null;
  if (view.kind === 'backfilling') {
    return (
      <div className="flex items-center gap-2 text-xs text-slate-600">
        <span className="tabular-nums">{view.text}</span>
        <BackfillBar progress={view.progress} />
      </div>
    );
  }
  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-500">
      <CheckIcon />
      <time dateTime={view.dateTime} title={view.exact} className="tabular-nums">
        {view.text}
      </time>
      <span className="sr-only">({view.exact})</span>
    </p>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5 text-emerald-600">
      <path
        d="M3.5 8.5l3 3 6-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
