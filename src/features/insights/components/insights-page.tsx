import { useMemo } from 'react';
import {
  PROSPECT_STATUSES,
  PROSPECT_STATUS_LABELS,
  SENTIMENTS,
  type InsightSeriesPoint,
} from '@contract';
import { cn } from '@/lib/cn';
import { formatDayInput, calendarDayOf } from '@/lib/date-range';
import { useInsights } from '../api/get-insights';
import { OUTCOME_COLORS, SENTIMENT_COLORS, SENTIMENT_ICONS } from '../charts/chart-colors';
import { csvFileName, downloadCsv } from '../csv-export';
import { agentsCsv, seriesCsv } from '../insights-csv';
import { useInsightsView } from '../use-insights-view';
import { AgentTable } from './agent-table';
import { HeadlineFigures } from './headline-figures';
import { TrendChart, type TrendKey } from './trend-chart';
import { WindowPicker } from './window-picker';

const SENTIMENT_LABELS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };

/** Sentiment, outcomes and agents over a window, each number a link to its calls. */
export function InsightsPage() {
  const view = useInsightsView();
  const { window, timeZone, href } = view;
  const query = useInsights(view.apiQuery);
  const data = query.data;
  const stale = query.isPlaceholderData;
  const span = useMemo(
    () => ({ from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() }),
    [window.from, window.to],
  );
  const unit = data?.window.unit ?? 'day';
  const formatPoint = useMemo(() => {
    const format = new Intl.DateTimeFormat(undefined, {
      timeZone,
      ...(unit === 'hour'
        ? { month: 'short', day: 'numeric', hour: 'numeric' }
        : unit === 'month'
          ? { month: 'short', year: 'numeric' }
          : { weekday: 'short', month: 'short', day: 'numeric' }),
    });
    return (point: InsightSeriesPoint) => format.format(new Date(point.start));
  }, [timeZone, unit]);
  const pointSpan = (point: InsightSeriesPoint) => ({ from: point.start, to: point.end });
  const sentimentKeys = useMemo<TrendKey[]>(
    () =>
      SENTIMENTS.map((sentiment) => ({
        key: sentiment,
        label: SENTIMENT_LABELS[sentiment],
        icon: SENTIMENT_ICONS[sentiment],
        color: SENTIMENT_COLORS[sentiment],
        count: (point) => point.sentiment[sentiment],
        href: (point) => href(pointSpan(point), { sentiment: [sentiment] }),
      })),
    [href],
  );
  const outcomeKeys = useMemo<TrendKey[]>(
    () =>
      PROSPECT_STATUSES.map((status) => ({
        key: status,
        label: PROSPECT_STATUS_LABELS[status],
        color: OUTCOME_COLORS[status],
        count: (point) => point.outcomes[status],
        href: (point) => href(pointSpan(point), { outcome: [status] }),
      })),
    [href],
  );
  const today = formatDayInput(calendarDayOf(view.now, timeZone));
  const days = Math.round((window.to - window.from) / 86_400_000);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Insights</h1>
          <p className="text-sm text-slate-600">
            Sentiment, outcomes and agents over the window, in your time zone ({timeZone}). Every
            number opens the calls behind it.
          </p>
        </div>
        <WindowPicker
          key={`${window.from}-${window.to}`}
          window={window}
          now={view.now}
          timeZone={timeZone}
          onChange={view.setWindow}
        />
      </div>
      <div aria-live="polite" className="text-sm text-slate-600">
        {query.isPending ? 'Loading insights…' : query.isFetching ? 'Updating insights…' : null}
      </div>
      {query.isError && (
        <p
          role="alert"
          className="rounded border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800"
        >
          The insights could not be loaded: {query.error.message}
        </p>
      )}
      {data && data.calls === 0 && (
        <p className="rounded border border-slate-200 bg-white px-3 py-4 text-slate-700">
          No calls in this window
          {view.filters && Object.keys(view.filters).length ? ' with these filters' : ''}. Choose a
          longer window or other days.
        </p>
      )}
      {data && data.calls > 0 && (
        // While another window loads, the last one's figures stay in place (no jump) but can't
        // be followed: a link would open calls that don't add up to the number it is on.
        <div className={cn('space-y-6', stale && 'opacity-60')} aria-busy={stale} inert={stale}>
          <HeadlineFigures
            data={data}
            href={(changes) => href(span, changes)}
            pageReview={view.filters.review}
            previousLabel={`previous ${days === 1 ? 'day' : `${days} days`}`}
          />
          <div className="grid gap-4 xl:grid-cols-2">
            <TrendChart
              id="trend-sentiment"
              title={`Calls per ${unit} by sentiment`}
              points={data.series}
              keys={sentimentKeys}
              unit={unit}
              formatPoint={formatPoint}
              totalHref={(point) => href(pointSpan(point))}
              onExport={() =>
                downloadCsv(csvFileName(`per-${unit}`, today), seriesCsv(data.series, timeZone))
              }
            />
            <TrendChart
              id="trend-outcome"
              title={`Calls per ${unit} by outcome`}
              points={data.series}
              keys={outcomeKeys}
              unit={unit}
              formatPoint={formatPoint}
              totalHref={(point) => href(pointSpan(point))}
            />
          </div>
          <AgentTable
            agents={data.agents}
            href={(changes) => href(span, changes)}
            pageReview={view.filters.review}
            onExport={() => downloadCsv(csvFileName('agents', today), agentsCsv(data.agents))}
          />
        </div>
      )}
    </div>
  );
}
