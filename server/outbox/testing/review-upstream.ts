import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Conversation } from '../../../contract';
import {
  createDemoApiFixture,
  TEST_TOKEN,
  type DemoApiFixture,
} from '../../api/testing/demo-api-fixture';
import { createUpstream, type Upstream } from '../../app-server/upstream';

export interface ReviewUpstream {
  fixture: DemoApiFixture;
  upstream: Upstream;
  url: string;
  /** Status codes of the PUTs the API answered (or `hung` when it never did), in order. */
  puts: (number | 'hung')[];
  close(): Promise<void>;
}

/**
 * A real demo API on a loopback port holding `conversations`, and a client for it whose requests
 * give up after `timeoutMs`. `setup` adds misbehaviour (hooks) before it listens.
 */
export async function startReviewUpstream(
  conversations: Conversation[],
  options: {
    timeoutMs?: number;
    setup?: (app: FastifyInstance, fixture: DemoApiFixture) => void;
  } = {},
): Promise<ReviewUpstream> {
  const fixture = createDemoApiFixture(0, { conversations });
  const puts: (number | 'hung')[] = [];
  fixture.app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'PUT') puts.push(reply.raw.writableFinished ? reply.statusCode : 'hung');
  });
  options.setup?.(fixture.app, fixture);
  await fixture.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fixture.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const upstream = createUpstream({
    baseUrl: url,
    token: TEST_TOKEN,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  return {
    fixture,
    upstream,
    url,
    puts,
    async close() {
      await upstream.close();
      await fixture.close();
    },
  };
}

/** Entries of a conversation in the demo API, as Trata would return them. */
export function adminCommentsOf(fixture: DemoApiFixture, id: string): unknown[] {
  return fixture.store.get(id)?.adminComments ?? [];
}
