import { Link } from 'react-router';
import { prospectStatusLabel } from '@contract';
import { SentimentBadge } from '@/components/ui/sentiment-badge';
import { formatDuration, MISSING } from '@/lib/format';
import type { HistoryEntry } from '../history';
import { formatCallDate } from './format-date';

/** The caller's calls, newest first; the call on screen is marked rather than linked. */
export function CallHistoryList({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <ol aria-label="Calls from this caller, newest first" className="flex flex-col gap-2 text-sm">
      {entries.map((entry) => (
        <li
          key={entry.id}
          aria-current={entry.current ? 'page' : undefined}
          className={
            entry.current
              ? 'rounded-md border-2 border-indigo-500 bg-indigo-50 p-2'
              : 'rounded-md border border-slate-200 p-2'
          }
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-2">
            {entry.current ? (
              <span className="font-medium text-slate-900">
                {formatCallDate(entry.startMs)} <span className="text-indigo-800">(this call)</span>
              </span>
            ) : (
              <Link
                to={`/calls/${encodeURIComponent(entry.id)}`}
                className="font-medium text-indigo-700 underline decoration-indigo-300 hover:decoration-indigo-700"
              >
                {formatCallDate(entry.startMs)}
              </Link>
            )}
            <span className="text-slate-600">{formatDuration(entry.seconds)}</span>
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <SentimentBadge value={entry.sentiment} />
            <LeadStatus entry={entry} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The call's outcome; when it moved the lead, where from, in words as well as an arrow. */
function LeadStatus({ entry }: { entry: HistoryEntry }) {
  if (entry.status === null) return <span className="text-slate-500">{MISSING}</span>;
  const label = prospectStatusLabel(entry.status);
  if (entry.statusBefore === null) return <span className="text-slate-800">{label}</span>;
  return (
    <span className="text-slate-800">
      <span className="sr-only">Lead moved from </span>
      <span className="text-slate-500">{prospectStatusLabel(entry.statusBefore)}</span>
      <span aria-hidden="true"> → </span>
      <span className="sr-only"> to </span>
      <span className="font-medium">{label}</span>
    </span>
  );
}
