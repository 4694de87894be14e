import {
  CONVERTED_OUTCOMES,
  PROSPECT_STATUSES,
  SENTIMENTS,
  type InsightAgent,
  type InsightFigures,
  type InsightSeriesPoint,
  type ProspectStatus,
  type Sentiment,
} from '../../contract';
import type { InsightCell, InsightRollup } from '../store/types';

type SentimentCounts = Record<Sentiment, number>;
type OutcomeCounts = Record<ProspectStatus, number>;

const zeroSentiments = (): SentimentCounts =>
  Object.fromEntries(SENTIMENTS.map((s) => [s, 0])) as SentimentCounts;
const zeroOutcomes = (): OutcomeCounts =>
  Object.fromEntries(PROSPECT_STATUSES.map((s) => [s, 0])) as OutcomeCounts;
const isSentiment = (value: string | null): value is Sentiment =>
  value !== null && (SENTIMENTS as readonly string[]).includes(value);
const isOutcome = (value: string | null): value is ProspectStatus =>
  value !== null && (PROSPECT_STATUSES as readonly string[]).includes(value);
const isConverted = (value: string | null) =>
  value !== null && (CONVERTED_OUTCOMES as readonly string[]).includes(value);

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The headline figures: sums over every cell, and the rollup's quantiles and reviews. */
export function figuresOf(rollup: InsightRollup): InsightFigures {
  const sentiment = zeroSentiments();
  const outcomes = zeroOutcomes();
  let calls = 0;
  let talk = 0;
  let slow = 0;
  let consentMissing = 0;
  let converted = 0;
  for (const cell of rollup.cells) {
    calls += cell.n;
    talk += cell.talk;
    slow += cell.slow;
    if (isSentiment(cell.sentiment)) sentiment[cell.sentiment] += cell.n;
    if (isOutcome(cell.outcome)) outcomes[cell.outcome] += cell.n;
    if (cell.consent !== 1) consentMissing += cell.n;
    if (isConverted(cell.outcome)) converted += cell.n;
  }
  let reviewed = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const row of rollup.reviews) {
    reviewed += row.reviewed;
    ratingSum += row.ratingSum;
    ratings += row.ratingCount;
  }
  return {
    calls,
    talkSeconds: talk,
    duration: rollup.duration,
    sentiment,
    outcomes,
    consentMissing,
    converted,
    conversion: ratio(converted, calls),
    slowAnswers: slow,
    reviewed,
    meanRating: ratio(ratingSum, ratings),
    ratings,
  };
}

/** One point per bucket, even an empty one, so a chart shows the quiet days too. */
export function seriesOf(cells: InsightCell[], bounds: number[]): InsightSeriesPoint[] {
  const points = bounds.slice(0, -1).map((start, i) => ({
    start: new Date(start).toISOString(),
    end: new Date(bounds[i + 1]!).toISOString(),
    calls: 0,
    sentiment: zeroSentiments(),
    outcomes: zeroOutcomes(),
  }));
  for (const cell of cells) {
    const point = points[cell.bucket];
    if (!point) continue;
    point.calls += cell.n;
    if (isSentiment(cell.sentiment)) point.sentiment[cell.sentiment] += cell.n;
    if (isOutcome(cell.outcome)) point.outcomes[cell.outcome] += cell.n;
  }
  return points;
}

/** One row per agent with calls in the window, busiest first; calls without an agent are left out. */
export function agentsOf(
  rollup: InsightRollup,
  buckets: number,
  agentName: (id: string) => string,
): InsightAgent[] {
  const agents = new Map<string, InsightAgent>();
  const agentOf = (id: string) => {
    let agent = agents.get(id);
    if (!agent) {
      agent = {
        id,
        name: agentName(id),
        calls: 0,
        sentiment: zeroSentiments(),
        converted: 0,
        conversion: null,
        slowAnswers: 0,
        meanRating: null,
        ratings: 0,
        trend: Array.from({ length: buckets }, () => 0),
      };
      agents.set(id, agent);
    }
    return agent;
  };
  for (const cell of rollup.agents) {
    const agent = agentOf(cell.agent);
    agent.calls += cell.n;
    agent.slowAnswers += cell.slow;
    if (isSentiment(cell.sentiment)) agent.sentiment[cell.sentiment] += cell.n;
    if (isConverted(cell.outcome)) agent.converted += cell.n;
  }
  for (const cell of rollup.trend) {
    const agent = agentOf(cell.agent);
    if (agent.trend[cell.bucket] !== undefined) agent.trend[cell.bucket]! += cell.n;
  }
  for (const row of rollup.reviews) {
    const agent = row.agent === null ? undefined : agents.get(row.agent);
    if (!agent) continue;
    agent.ratings = row.ratingCount;
    agent.meanRating = ratio(row.ratingSum, row.ratingCount);
  }
  for (const agent of agents.values()) agent.conversion = ratio(agent.converted, agent.calls);
  return [...agents.values()].sort((a, b) => b.calls - a.calls || a.id.localeCompare(b.id));
}
