import type { ReactNode } from 'react';
import {
  CONVERTED_OUTCOMES,
  PROSPECT_STATUSES,
  PROSPECT_STATUS_LABELS,
  SENTIMENTS,
  type InsightFigures,
  type Insights,
  type ReviewFilter,
} from '@contract';
import { formatDuration } from '@/lib/format';
import { SENTIMENT_ICONS } from '../charts/chart-colors';
import {
  describeChange,
  formatDecimal,
  formatRatio,
  formatShare,
  formatWhole,
  slowPerCall,
} from '../figures';
import { ratedFilter, reviewedFilter, type InsightFilters } from '../drill-down';
import { CountLink, RatingLink } from './trend-chart';

interface HeadlineFiguresProps {
  data: Insights;
  /** The list of the window's calls with these extra filters. */
  href(changes: Partial<InsightFilters>): string;
  /** The page's own review filter, which the reviewed calls' link narrows. */
  pageReview?: readonly ReviewFilter[];
  previousLabel: string;
}

const SENTIMENT_LABELS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };

/** The headline numbers, each with its change against the period just before. */
export function HeadlineFigures({ data, href, pageReview, previousLabel }: HeadlineFiguresProps) {
  const reviewed = reviewedFilter(pageReview);
  const rated = ratedFilter(pageReview);
  const previous: InsightFigures | null = data.previous;
  const change = (pick: (f: InsightFigures) => number | null) =>
    previous ? `${describeChange(pick(data), pick(previous))} vs ${previousLabel}` : null;
  const share = (part: (f: InsightFigures) => number) => (f: InsightFigures) =>
    f.calls === 0 ? null : part(f) / f.calls;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
        <Figure
          label="Calls"
          value={<CountLink count={data.calls} href={href({})} label="all calls in the window" />}
          change={change((f) => f.calls)}
        />
        <Figure
          label="Talk time"
          value={formatDuration(data.talkSeconds)}
          change={change((f) => f.talkSeconds)}
        />
        <Figure
          label="Median duration"
          value={formatDuration(data.duration.median)}
          detail={`p90 ${formatDuration(data.duration.p90)}`}
          change={change((f) => f.duration.median)}
        />
        {SENTIMENTS.map((sentiment) => (
          <Figure
            key={sentiment}
            label={
              <>
                <span aria-hidden="true">{SENTIMENT_ICONS[sentiment]} </span>
                {SENTIMENT_LABELS[sentiment]}
              </>
            }
            value={formatShare(data.sentiment[sentiment], data.calls)}
            detail={
              <CountLink
                count={data.sentiment[sentiment]}
                href={href({ sentiment: [sentiment] })}
                label={`${SENTIMENT_LABELS[sentiment].toLowerCase()} calls`}
              />
            }
            change={change(share((f) => f.sentiment[sentiment]))}
          />
        ))}
        <Figure
          label="Without recording consent"
          value={formatShare(data.consentMissing, data.calls)}
          detail={
            <CountLink
              count={data.consentMissing}
              href={href({ consent: 'missing' })}
              label="calls without recording consent"
            />
          }
          change={change(share((f) => f.consentMissing))}
        />
        <Figure
          label="Conversion"
          value={formatRatio(data.conversion)}
          detail={
            <CountLink
              count={data.converted}
              href={href({ outcome: [...CONVERTED_OUTCOMES] })}
              label="calls that ended in an order or an appointment"
            />
          }
          change={change((f) => f.conversion)}
        />
        <Figure
          label="Slow AI answers per call"
          value={formatDecimal(slowPerCall(data))}
          detail={`${formatWhole(data.slowAnswers)} answers over 3 s`}
          change={change((f) => slowPerCall(f))}
        />
        <Figure
          label="Reviewed"
          value={formatShare(data.reviewed, data.calls)}
          detail={
            reviewed === null || reviewed.length === 0 ? (
              `${formatWhole(data.reviewed)} calls`
            ) : (
              <>
                <CountLink
                  count={data.reviewed}
                  href={href({ review: reviewed })}
                  label="reviewed calls (reviewed or to follow up)"
                />{' '}
                calls
              </>
            )
          }
          change={change(share((f) => f.reviewed))}
        />
        <Figure
          label="Mean QA rating"
          value={
            data.meanRating === null ? (
              '—'
            ) : (
              <>
                <RatingLink
                  rating={data.meanRating}
                  href={rated && href({ review: rated })}
                  label="the rated calls in the window"
                />{' '}
                / 5
              </>
            )
          }
          detail={`${formatWhole(data.ratings)} ratings`}
          change={change((f) => f.meanRating)}
        />
      </dl>
      <p className="text-sm text-slate-600">
        Conversion counts calls that ended in an order (product or service) or an appointment (with
        a person or for a service), over all calls in the window. A slow answer is an AI reply that
        came more than 3 s after the caller stopped speaking.
      </p>
      <section aria-labelledby="outcomes-title">
        <h2 id="outcomes-title" className="mb-2 text-base font-semibold text-slate-900">
          Outcomes
        </h2>
        <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
          {PROSPECT_STATUSES.map((status) => (
            <div key={status} className="flex justify-between gap-2 rounded bg-slate-50 px-3 py-2">
              <dt className="text-slate-700">{PROSPECT_STATUS_LABELS[status]}</dt>
              <dd className="tabular-nums">
                <CountLink
                  count={data.outcomes[status]}
                  href={href({ outcome: [status] })}
                  label={PROSPECT_STATUS_LABELS[status]}
                />{' '}
                <span className="text-slate-500">
                  ({formatShare(data.outcomes[status], data.calls)})
                </span>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

function Figure(props: {
  label: ReactNode;
  value: ReactNode;
  detail?: ReactNode;
  change: string | null;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs font-medium text-slate-600">{props.label}</dt>
      <dd className="text-xl font-semibold text-slate-900 tabular-nums">{props.value}</dd>
      {props.detail !== undefined && (
        <dd className="text-sm text-slate-600 tabular-nums">{props.detail}</dd>
      )}
      {props.change && <dd className="text-xs text-slate-600">{props.change}</dd>}
    </div>
  );
}
