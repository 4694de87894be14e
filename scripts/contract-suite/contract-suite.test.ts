import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoApiFixture,
  TEST_TOKEN,
  type DemoApiFixture,
} from '../../server/api/testing/demo-api-fixture';
import { formatReport } from './report';
import { runContractSuite } from './run-suite';

let demo: DemoApiFixture;
let demoUrl = '';
let broken: FastifyInstance;
let brokenUrl = '';

/** An API that gets several documented things wrong, so the suite has something to catch. */
function startBrokenApi(items: unknown[]): FastifyInstance {
  const app = Fastify();
  app.get('/v1/conversations', async (request, reply) => {
    const query = request.query as Record<string, string>;
    if (query.limit === '200' || query.limit === '0' || query.limit === 'ten')
      return reply.code(400).send({ error: 'bad limit' });
    // An envelope instead of a bare array, no auth at all, and one item without an id.
    return { items: [...items.slice(0, 3), { timestampStart: 'yesterday' }] };
  });
  return app;
}

beforeAll(async () => {
  demo = createDemoApiFixture(120);
  await demo.app.listen({ port: 0, host: '127.0.0.1' });
  demoUrl = `http://127.0.0.1:${(demo.app.server.address() as AddressInfo).port}`;
  broken = startBrokenApi(demo.conversations);
  await broken.listen({ port: 0, host: '127.0.0.1' });
  brokenUrl = `http://127.0.0.1:${(broken.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await demo.close();
  await broken.close();
});

describe('the conformance suite', () => {
  it('passes every check against the demo API, reading only', async () => {
    const report = await runContractSuite({
      baseUrl: demoUrl,
      token: TEST_TOKEN,
      allowWrites: false,
    });
    const notPassed = report.results.filter((result) => result.outcome !== 'pass');
    expect(notPassed.map((result) => `${result.outcome}: ${result.title}`)).toEqual([
      'skip: PUT /v1/prospects/{id} with a status outside the enum is a 422',
      'skip: PUT /v1/conversations/{id} stores adminComments (then restores them)',
      'skip: a PUT with an invalid body is a 422 and changes nothing',
      'skip: a PUT to an unknown id is a 404',
      "skip: PUT accepts the reference's update example (source and timestamps), then restores them",
      "skip: POST accepts the reference's create example (agentId, a string transcriptText); leaves one conversation",
    ]);
    expect(report.ok).toBe(true);
    expect(new Set(report.sent.map((request) => request.method))).toEqual(new Set(['GET']));
    expect(report.results.length).toBeGreaterThanOrEqual(25);
  });

  it('with --allow-writes, round-trips a PUT and leaves the data as it was', async () => {
    const before = await demo.app.inject({
      url: '/v1/conversations?limit=100',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    const report = await runContractSuite({
      baseUrl: demoUrl,
      token: TEST_TOKEN,
      allowWrites: true,
    });
    const writes = report.results.filter((result) => result.area === 'writes');
    expect(writes.map((result) => `${result.outcome}: ${result.title}`)).toEqual(
      writes.map((result) => `pass: ${result.title}`),
    );
    expect(writes).toHaveLength(6);
    expect(report.sent.some((request) => request.method === 'PUT')).toBe(true);
    const firstId = (before.json() as { id: string }[])[0]!.id;
    const original =
      (before.json() as { id: string; adminComments?: unknown }[])[0]!.adminComments ?? [];
    expect(demo.store.get(firstId)?.adminComments ?? []).toEqual(original);
  });

  it('reports what a non-conforming API gets wrong, and fails', async () => {
    const report = await runContractSuite({
      baseUrl: brokenUrl,
      token: 'some-token',
      allowWrites: false,
    });
    expect(report.ok).toBe(false);
    const failed = report.results
      .filter((result) => result.outcome === 'fail')
      .map((result) => result.title);
    expect(failed).toEqual(
      expect.arrayContaining([
        'a request without a token is refused',
        'a wrong token is refused',
        'GET /v1/conversations answers a JSON array of at most 100 conversations',
        'limit above 100 is a 422 less_than_equal',
        'a limit that is not a number is a 422 int_parsing',
      ]),
    );
    const text = formatReport(report);
    expect(text).toContain('FAIL  a request without a token is refused');
    expect(text).toContain('expected a JSON array with no envelope');
    expect(text).toContain('The API does NOT conform to the documented contract.');
  });

  it('runs as a CLI: exit 0 on the demo API, 1 on a broken one, 2 without arguments, never printing the token', async () => {
    const cli = path.resolve(import.meta.dirname, 'cli.ts');
    // Asynchronously: the APIs under test answer from this very process.
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          ['--import', 'tsx', cli, ...args],
          { timeout: 60_000 },
          (_error, stdout) => resolve({ status: child.exitCode, stdout }),
        );
      });
    const good = await run('--base-url', demoUrl, '--token', TEST_TOKEN);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('The API conforms to the documented contract.');
    expect(good.stdout).not.toContain(TEST_TOKEN);
    const bad = await run('--base-url', brokenUrl, '--token', 'secret-token-xyz');
    expect(bad.status).toBe(1);
    expect(bad.stdout).not.toContain('secret-token-xyz');
    expect((await run()).status).toBe(2);
  });
});
