import { sendIfDatabaseUnavailable } from '../app-server/database-unavailable';
import type { FastifyInstance } from 'fastify';
import type { Insights } from '../../contract';
import { HttpProblem } from '../api/fastapi-errors';
import type { ReviewStore } from '../store/review-types';
import type { CallQuery, CallStore } from '../store/types';
import { agentsOf, figuresOf, seriesOf } from './compose-insights';
import { validateInsightsQuery } from './insights-query';
import { seriesBounds } from './series-bounds';

export interface InsightsRouteOptions {
  store: CallStore;
  reviews?: ReviewStore;
  now?: () => number;
}

/**
 * The figures of `/api/insights` over the query's window (all time without `from`, up to now
 * without `to`) and over the period of the same length just before it.
 */
export async function computeInsights(
  store: CallStore,
  filters: CallQuery,
  timeZone: string,
  now: number,
): Promise<Insights> {
  const to = filters.to ?? now;
  const from = filters.from ?? Math.min((await store.firstStart()) ?? to, to);
  const { unit, bounds } =
    from < to ? seriesBounds(from, to, timeZone) : { unit: 'day' as const, bounds: [] };
  const rollup = await store.insights(filters, bounds);
  const agentNames = await store.agentNames();
  const agentName = (id: string) => agentNames.get(id) ?? id;
  const previousFrom = from - (to - from);
  const previous =
    filters.from !== undefined && from < to
      ? {
          ...figuresOf(
            await store.insights({ ...filters, from: previousFrom, to: from }, [
              previousFrom,
              from,
            ]),
          ),
          from: new Date(previousFrom).toISOString(),
          to: new Date(from).toISOString(),
        }
      : null;
  return {
    ...figuresOf(rollup),
    window: {
      from: filters.from === undefined ? null : new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      unit,
    },
    series: seriesOf(rollup.cells, bounds),
    agents: agentsOf(rollup, Math.max(0, bounds.length - 1), agentName),
    previous,
  };
}

export function registerInsightsRoutes(app: FastifyInstance, options: InsightsRouteOptions): void {
  const { store, reviews } = options;
  const now = options.now ?? Date.now;
  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof HttpProblem) return reply.code(error.statusCode).send(error.body);
      if (sendIfDatabaseUnavailable(error, request, reply)) return reply;
      request.log.error(error);
      return reply.code(500).send({ detail: 'Internal Server Error' });
    });
    scope.get('/api/insights', async (request, reply) => {
      const { filters, timeZone } = await validateInsightsQuery(request, reviews);
      return reply
        .header('cache-control', 'no-store')
        .send(await computeInsights(store, filters, timeZone, now()));
    });
  });
}
