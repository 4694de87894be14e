import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseState } from '../store/database-health';
import { createAppServer } from './create-app-server';
import { createUpstream } from './upstream';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(state: () => Promise<DatabaseState>) {
  const upstream = createUpstream({ baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 1_000 });
  app = await createAppServer({ upstream, health: { database: state } });
  app.addHook('onClose', () => upstream.close());
  app.get('/api/needs-database', async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
  });
  app.get('/api/bug', async () => {
    throw Object.assign(new Error('relation "calls" does not exist'), { code: '42P01' });
  });
  await app.ready();
  return app;
}

describe('health and readiness', () => {
  it('says the database is reachable, and is ready', async () => {
    const server = await start(async () => 'ok');
    const health = await server.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: 'ok' });
    const ready = await server.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('stays alive but not ready while the database is unreachable', async () => {
    const server = await start(async () => 'unreachable');
    const health = await server.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: 'unreachable' });
    const ready = await server.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
  });

  it('reuses a probe for a second, so frequent probes cost one query', async () => {
    let probes = 0;
    const server = await start(async () => {
      probes++;
      return 'ok';
    });
    for (let i = 0; i < 5; i++) await server.inject({ url: i % 2 ? '/healthz' : '/readyz' });
    expect(probes).toBe(1);
  });

  it('says embedded without a database server', async () => {
    const upstream = createUpstream({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      timeoutMs: 1_000,
    });
    app = await createAppServer({ upstream });
    app.addHook('onClose', () => upstream.close());
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({
      status: 'ok',
      database: 'embedded',
    });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});

describe('a request that needs an unreachable database', () => {
  it('answers 503 with the reason and a Retry-After, not a 500', async () => {
    const server = await start(async () => 'unreachable');
    const response = await server.inject({ url: '/api/needs-database' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json<{ detail: string }>().detail).toMatch(
      /^The database is unreachable \(the connection was refused \(ECONNREFUSED\)\)/,
    );
  });

  it('still answers 500 for a bug', async () => {
    const server = await start(async () => 'ok');
    expect((await server.inject({ url: '/api/bug' })).statusCode).toBe(500);
  });
});
