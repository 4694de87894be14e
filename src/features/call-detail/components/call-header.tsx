import { Link } from 'react-router';
import { parseTrataTimestamp, type Conversation } from '@contract';
import { formatExactTime } from '@/lib/format';
import type { useNeighbours } from '../hooks-neighbours';

export type Neighbours = ReturnType<typeof useNeighbours>;

export function CallHeader({
  conversation,
  neighbours,
}: {
  conversation: Conversation;
  neighbours: Neighbours;
}) {
  const name = conversation.conversationAnalytics?.name_of_caller || 'Unknown caller';
  const linkState = { listSearch: neighbours.listSearch };
  return (
    <header className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <Link to={neighbours.listHref} className="text-sm text-indigo-700 hover:underline">
          ← All calls
        </Link>
        <h1 className="mt-1 text-xl font-semibold text-slate-900">{name}</h1>
        <p className="text-sm text-slate-600">
          {formatExactTime(parseTrataTimestamp(conversation.timestampStart))}
        </p>
      </div>
      <nav aria-label="Calls in this list" className="flex gap-2 text-sm">
        {neighbours.previous ? (
          <Link
            to={`/calls/${encodeURIComponent(neighbours.previous)}`}
            state={linkState}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            ← Previous call
          </Link>
        ) : null}
        {neighbours.next ? (
          <Link
            to={`/calls/${encodeURIComponent(neighbours.next)}`}
            state={linkState}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            Next call →
          </Link>
        ) : null}
      </nav>
    </header>
  );
}
