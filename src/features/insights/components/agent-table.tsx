import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { SENTIMENTS, type InsightAgent, type ReviewFilter } from '@contract';
import { SENTIMENT_ICONS } from '../charts/chart-colors';
import { ratedFilter, type InsightFilters } from '../drill-down';
import { formatDecimal, formatRatio, formatWhole } from '../figures';
import { CountLink, RatingLink } from './trend-chart';
import { Sparkline } from './sparkline';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});
const helper = createColumnHelper<typeof features, InsightAgent>();
const LABELS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;

interface AgentTableProps {
  agents: InsightAgent[];
  href(changes: Partial<InsightFilters>): string;
  /** The page's own review filter, which decides whether a mean rating can link to its calls. */
  pageReview?: readonly ReviewFilter[];
  onExport(): void;
}

/** One row per agent, sortable by any column; every count opens its calls. */
export function AgentTable({ agents, href, pageReview, onExport }: AgentTableProps) {
  // A boolean, not the filter's array: a new array each render would rebuild the columns.
  const linksRatings = ratedFilter(pageReview) !== null;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'calls', desc: true }]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          id: 'name',
          header: 'Agent',
          sortFn: 'text',
          cell: (info) => (
            <Link
              to={href({ agent: [info.row.original.id] })}
              className="text-indigo-700 hover:underline"
            >
              {info.getValue()}
            </Link>
          ),
        }),
        helper.accessor('calls', {
          id: 'calls',
          header: 'Calls',
          sortFn: 'basic',
          cell: (info) => (
            <CountLink
              count={info.getValue()}
              href={href({ agent: [info.row.original.id] })}
              label={`calls answered by ${info.row.original.name}`}
            />
          ),
        }),
        ...SENTIMENTS.map((sentiment) =>
          helper.accessor((agent) => agent.sentiment[sentiment], {
            id: sentiment,
            header: () => (
              <>
                <span aria-hidden="true">{SENTIMENT_ICONS[sentiment]} </span>
                {LABELS[sentiment]}
              </>
            ),
            sortFn: 'basic',
            cell: (info) => (
              <CountLink
                count={info.getValue()}
                href={href({ agent: [info.row.original.id], sentiment: [sentiment] })}
                label={`${LABELS[sentiment].toLowerCase()} calls of ${info.row.original.name}`}
              />
            ),
          }),
        ),
        helper.accessor((agent) => agent.conversion ?? -1, {
          id: 'conversion',
          header: 'Conversion',
          sortFn: 'basic',
          cell: (info) => formatRatio(info.row.original.conversion),
        }),
        helper.accessor((agent) => (agent.calls === 0 ? 0 : agent.slowAnswers / agent.calls), {
          id: 'slow',
          header: 'Slow answers per call',
          sortFn: 'basic',
          cell: (info) => formatDecimal(info.getValue()),
        }),
        helper.accessor((agent) => agent.meanRating ?? -1, {
          id: 'rating',
          header: 'Mean rating',
          sortFn: 'basic',
          cell: (info) =>
            info.row.original.meanRating === null ? (
              '—'
            ) : (
              <RatingLink
                rating={info.row.original.meanRating}
                href={
                  linksRatings ? href({ agent: [info.row.original.id], review: ['rated'] }) : null
                }
                label={`the rated calls of ${info.row.original.name}`}
              />
            ),
        }),
        helper.display({
          id: 'trend',
          header: 'Trend',
          cell: (info) => <Sparkline values={info.row.original.trend} />,
        }),
      ]),
    [href, linksRatings],
  );
  const table = useTable({
    features,
    columns,
    data: agents,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater) =>
      setSorting((current) => (typeof updater === 'function' ? updater(current) : updater)),
  });
  return (
    <section aria-labelledby="agents-title" className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-4">
        <h2 id="agents-title" className="text-base font-semibold text-slate-900">
          Per agent
        </h2>
        <button
          type="button"
          onClick={onExport}
          className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50"
        >
          Export CSV<span className="sr-only">: per agent</span>
        </button>
      </div>
      {agents.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">No agent answered a call in this window.</p>
      ) : (
        <div className="overflow-x-auto p-4">
          <table className="w-full text-right text-sm tabular-nums">
            <caption className="sr-only">Calls per agent, sortable by any column</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const direction = header.column.getIsSorted();
                    const sortable = header.column.getCanSort();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="px-2 py-2 font-semibold first:text-left"
                        aria-sort={
                          direction ? (direction === 'asc' ? 'ascending' : 'descending') : undefined
                        }
                      >
                        {sortable ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className="inline-flex items-center gap-1 hover:text-slate-900"
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true" className="text-slate-400">
                              {direction === 'asc' ? '↑' : direction === 'desc' ? '↓' : '↕'}
                            </span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-2 py-2 first:text-left">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="sr-only">{formatWhole(agents.length)} agents</p>
    </section>
  );
}
