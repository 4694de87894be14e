import {
  PROSPECT_STATUSES,
  SENTIMENTS,
  type InsightAgent,
  type InsightSeriesPoint,
} from '@contract';
import { toCsv } from './csv-export';

/** The series as CSV: ISO instants plus the viewer's zone, then every count. */
export function seriesCsv(points: InsightSeriesPoint[], timeZone: string): string {
  return toCsv(
    ['start', 'end', 'time_zone', 'calls', ...SENTIMENTS, ...PROSPECT_STATUSES],
    points.map((point) => [
      point.start,
      point.end,
      timeZone,
      point.calls,
      ...SENTIMENTS.map((s) => point.sentiment[s]),
      ...PROSPECT_STATUSES.map((s) => point.outcomes[s]),
    ]),
  );
}

export function agentsCsv(agents: InsightAgent[]): string {
  return toCsv(
    [
      'agent_id',
      'agent',
      'calls',
      ...SENTIMENTS,
      'converted',
      'conversion',
      'slow_answers',
      'mean_rating',
      'ratings',
    ],
    agents.map((agent) => [
      agent.id,
      agent.name,
      agent.calls,
      ...SENTIMENTS.map((s) => agent.sentiment[s]),
      agent.converted,
      agent.conversion,
      agent.slowAnswers,
      agent.meanRating,
      agent.ratings,
    ]),
  );
}
