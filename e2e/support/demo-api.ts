import { randomBytes } from 'node:crypto';
import type { Conversation } from '../../contract';
import { E2E_API_ORIGIN, E2E_API_TOKEN } from './e2e-env';

/** A demo API: the e2e run's shared one, or a test's own (e2e/support/own-server.ts). */
export interface DemoApiTarget {
  apiOrigin: string;
  apiToken: string;
}

const SHARED: DemoApiTarget = { apiOrigin: E2E_API_ORIGIN, apiToken: E2E_API_TOKEN };

const headersFor = (target: DemoApiTarget) => ({
  authorization: `Bearer ${target.apiToken}`,
  'content-type': 'application/json',
});

/** One conversation as a demo API holds it (by default the e2e run's shared one). */
export async function getConversation(
  id: string,
  target: DemoApiTarget = SHARED,
): Promise<Conversation> {
  const response = await fetch(`${target.apiOrigin}/v1/conversations/${encodeURIComponent(id)}`, {
    headers: headersFor(target),
  });
  if (!response.ok) throw new Error(`GET ${id}: HTTP ${response.status}`);
  return (await response.json()) as Conversation;
}

/**
 * Adds a conversation to a test's own demo API, as Trata's POST does; never to the shared one,
 * whose lists and counts other tests read. Ids get a unique suffix, so a call added twice (a
 * repeated test) never collides with the first.
 */
export async function createConversation(
  target: DemoApiTarget,
  body: Partial<Conversation> & { id: string; timestampStart: string },
): Promise<string> {
  const id = `${body.id}.${randomBytes(4).toString('hex')}`;
  const response = await fetch(`${target.apiOrigin}/v1/conversations`, {
    method: 'POST',
    headers: headersFor(target),
    body: JSON.stringify({ ...body, id }),
  });
  if (!response.ok) throw new Error(`POST ${id}: HTTP ${response.status} ${await response.text()}`);
  return id;
}
