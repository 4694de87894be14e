import type { FastifyInstance } from 'fastify';
import type { AiAgent } from '../../contract';
import { BUSINESSES } from '../demo-data/businesses';
import { notFound } from './fastapi-errors';
import { validatePaging } from './query-validation';

export const AGENT_NOT_FOUND = 'Agent not found';

/** The demo businesses' AI receptionists, in the AIAgent shape of Trata's Agents API. */
export const DEMO_AGENTS: readonly AiAgent[] = BUSINESSES.map((business) => ({
  id: business.aiAgentId,
  orgId: business.orgId,
  name: business.agent,
  role: `AI receptionist, ${business.name}`,
  roleDescription: `Answers the phone for ${business.name}.`,
  timezone: 'America/New_York',
  status: 'active',
}));

/** `GET /v1/agents` (paged like the other lists) and `GET /v1/agents/{id}`. */
export function registerAgentRoutes(app: FastifyInstance): void {
  app.get('/v1/agents', async (request, reply) => {
    const { skip, limit } = validatePaging(request.url);
    return reply
      .header('x-total-count', String(DEMO_AGENTS.length))
      .send(DEMO_AGENTS.slice(skip, skip + limit));
  });
  app.get<{ Params: { id: string } }>('/v1/agents/:id', async (request) => {
    const agent = DEMO_AGENTS.find((candidate) => candidate.id === request.params.id);
    if (!agent) throw notFound(AGENT_NOT_FOUND);
    return agent;
  });
}
