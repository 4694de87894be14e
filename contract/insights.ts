import * as z from 'zod/mini';
import { PROSPECT_STATUSES, SENTIMENTS, type ProspectStatus } from './fields';

/**
 * `GET /api/insights`: the figures a manager scans, over the list's own filters (`from`, `to`,
 * `agent`, `source_type`, `sentiment`, `outcome`, `consent`, `q`, `review`) plus `tz`, the
 * viewer's IANA time zone, which the series' days and hours follow.
 */

/** Outcomes that count as a conversion: an order or an appointment. */
export const CONVERTED_OUTCOMES = [
  'PRODUCT_ORDER_PLACED',
  'SERVICE_ORDER_PLACED',
  'SCHEDULED_APPOINTMENT_WITH_PERSON',
  'SCHEDULED_APPOINTMENT_FOR_SERVICE',
] as const satisfies readonly ProspectStatus[];

/** The review states that count as reviewed (the list's `review` filter takes them as they are). */
export const REVIEWED_STATES = ['reviewed', 'follow_up'] as const;

/** Series step by the hour up to this window length, by the day up to `DAY_SERIES_MAX_DAYS`. */
export const HOUR_SERIES_MAX_MS = 2 * 86_400_000;
export const DAY_SERIES_MAX_DAYS = 400;
export const SERIES_UNITS = ['hour', 'day', 'month'] as const;
export type SeriesUnit = (typeof SERIES_UNITS)[number];

const count = z.number();
const sentimentCounts = z.object(
  Object.fromEntries(SENTIMENTS.map((s) => [s, count])) as Record<
    (typeof SENTIMENTS)[number],
    typeof count
  >,
);
const outcomeCounts = z.object(
  Object.fromEntries(PROSPECT_STATUSES.map((s) => [s, count])) as Record<
    ProspectStatus,
    typeof count
  >,
);

export const insightFiguresSchema = z.object({
  calls: count,
  /** Sum of the calls' durations, in seconds. */
  talkSeconds: count,
  /** Nearest-rank quantiles of the durations in seconds; null without calls of known length. */
  duration: z.object({ median: z.nullable(count), p90: z.nullable(count) }),
  sentiment: sentimentCounts,
  outcomes: outcomeCounts,
  /** Calls without recording consent: refused or unknown (the list's `consent=missing`). */
  consentMissing: count,
  /** Calls whose outcome is in `CONVERTED_OUTCOMES`, and their share of all calls. */
  converted: count,
  conversion: z.nullable(count),
  /** AI answers that came more than 3 s after the caller stopped, over all the calls. */
  slowAnswers: count,
  /** Calls reviewed or flagged for follow-up. */
  reviewed: count,
  /** Mean of every reviewer's rating of these calls; null without ratings. */
  meanRating: z.nullable(count),
  ratings: count,
});
export type InsightFigures = z.infer<typeof insightFiguresSchema>;

export const insightSeriesPointSchema = z.object({
  start: z.string(),
  end: z.string(),
  calls: count,
  sentiment: sentimentCounts,
  outcomes: outcomeCounts,
});
export type InsightSeriesPoint = z.infer<typeof insightSeriesPointSchema>;

export const insightAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  calls: count,
  sentiment: sentimentCounts,
  converted: count,
  conversion: z.nullable(count),
  slowAnswers: count,
  meanRating: z.nullable(count),
  ratings: count,
  /** Calls per series point, for a small trend line. */
  trend: z.array(count),
});
export type InsightAgent = z.infer<typeof insightAgentSchema>;

export const insightsSchema = z.object({
  ...insightFiguresSchema.shape,
  /** The window: `from` is null for all time; `to` is the end of the last point. */
  window: z.object({ from: z.nullable(z.string()), to: z.string(), unit: z.enum(SERIES_UNITS) }),
  series: z.array(insightSeriesPointSchema),
  agents: z.array(insightAgentSchema),
  /** The same figures over the period of the same length just before; null for all time. */
  previous: z.nullable(
    z.object({ ...insightFiguresSchema.shape, from: z.string(), to: z.string() }),
  ),
});
export type Insights = z.infer<typeof insightsSchema>;
