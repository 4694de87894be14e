import type { Conversation } from '../../contract';
import { E2E_API_ORIGIN, E2E_API_TOKEN } from './e2e-env';

const headers = { authorization: `Bearer ${E2E_API_TOKEN}`, 'content-type': 'application/json' };

/** One conversation as the e2e run's demo API holds it. */
export async function getConversation(id: string): Promise<Conversation> {
  const response = await fetch(`${E2E_API_ORIGIN}/v1/conversations/${encodeURIComponent(id)}`, {
    headers,
  });
  if (!response.ok) throw new Error(`GET ${id}: HTTP ${response.status}`);
  return (await response.json()) as Conversation;
}

/**
 * Adds a conversation to the demo API, as Trata's POST does. Ids get a unique suffix, so a rerun
 * against the same database never collides with an earlier run.
 */
export async function createConversation(
  body: Partial<Conversation> & { id: string; timestampStart: string },
  api: { origin: string; token: string } = { origin: E2E_API_ORIGIN, token: E2E_API_TOKEN },
): Promise<string> {
  const id = `${body.id}.${Date.now().toString(36)}`;
  const response = await fetch(`${api.origin}/v1/conversations`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ ...body, id }),
  });
  if (!response.ok) throw new Error(`POST ${id}: HTTP ${response.status} ${await response.text()}`);
  return id;
}
