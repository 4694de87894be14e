import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { DEFAULT_LIST_PARAMS } from '@/lib/list-params';

/** Placeholder list: the first page of calls. The list issue replaces it with the full table. */
export function CallsPage() {
  const { data, error, isPending } = useQuery(conversationListQueryOptions(DEFAULT_LIST_PARAMS));
  if (isPending) return <p>Loading calls…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <section aria-labelledby="calls-heading">
      <h1 id="calls-heading" className="mb-4 text-xl font-semibold">
        Calls
      </h1>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {data.rows.map((row) =>
          row.kind === 'ok' ? (
            <li key={row.conversation.id} className="p-3">
              <Link to={`/calls/${encodeURIComponent(row.conversation.id)}`}>
                {row.conversation.conversationAnalytics?.name_of_caller ?? 'Unknown caller'} ·{' '}
                {row.conversation.conversationAnalytics?.summary ?? '—'}
              </Link>
            </li>
          ) : (
            <li key={`invalid-${row.index}`} className="p-3 text-amber-800">
              Unreadable call: {row.problem}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
