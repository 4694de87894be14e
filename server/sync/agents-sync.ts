import { aiAgentSchema, type AiAgent } from '../../contract';
import { parseJson, type Upstream } from '../app-server/upstream';
import type { CallIndex } from '../store/types';
import { failUnlessOk, request } from './upstream-pages';

const PAGE = 100;
const MAX_PAGES = 100;

/**
 * Agent names from `GET /v1/agents`. Returns a note in words when the API has no such route
 * (404/405): the list then shows agents by their raw id.
 */
export async function syncAgents(
  upstream: Upstream,
  store: CallIndex,
  signal: AbortSignal,
): Promise<string | null> {
  const agents: AiAgent[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const reply = await request(upstream, `/v1/agents?skip=${page * PAGE}&limit=${PAGE}`, signal);
    if (reply.status === 404 || reply.status === 405) {
      return 'The API has no Agents route (GET /v1/agents), so agents are shown by their id.';
    }
    failUnlessOk(reply.status, reply.headers, 'the agents');
    const items = parseJson(reply);
    if (!Array.isArray(items)) return 'The API sent agents that are not a list; shown by id.';
    for (const item of items) {
      const parsed = aiAgentSchema.safeParse(item);
      if (parsed.success) agents.push(parsed.data);
    }
    if (items.length < PAGE) break;
  }
  await store.upsertAgents(agents);
  return null;
}
