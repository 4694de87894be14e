import type { HistoryEntry } from '@contract';
import { describeChange } from '../review-words';
import { When } from './when';

const SHOWN = 50;

/** Who changed what and when, newest first, folded away until asked for. */
export function HistoryList({
  history,
  actionItems,
  now,
}: {
  history: readonly HistoryEntry[];
  actionItems: readonly string[];
  now: number;
}) {
  if (history.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">
        History ({history.length} {history.length === 1 ? 'change' : 'changes'})
      </summary>
      <ol aria-label="Review history" className="mt-2 flex flex-col gap-1">
        {history.slice(0, SHOWN).map((entry) => (
          <li key={entry.id} className="break-words text-slate-700">
            <span className="font-medium text-slate-900">{entry.actor}</span>{' '}
            {describeChange(entry, actionItems)}{' '}
            <span className="text-xs text-slate-500">
              <When iso={entry.at} now={now} />
            </span>
          </li>
        ))}
      </ol>
      {history.length > SHOWN ? (
        <p className="mt-1 text-xs text-slate-500">and {history.length - SHOWN} earlier changes</p>
      ) : null}
    </details>
  );
}
