import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPgPool } from '../store/postgres/pg-pool';
import { openTestPgDatabase, type TestPgDatabase } from '../store/testing/test-database';
import { pgRateLimitStore, prepareRateLimitTable } from './pg-rate-limit-store';
import { registerRateLimits } from './rate-limits';

type Result = { current: number; ttl: number };
type Store = FastifyRateLimitStore & {
  read(key: string, callback: (error: Error | null, result?: Result) => void): void;
};

let database: TestPgDatabase | undefined;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await database?.drop();
  database = undefined;
});

const LIMITS = {
  apiPerMinute: 4,
  recordingsPerMinute: 100,
  signInFailures: 5,
  signInFailuresPerUser: 5,
  signInFailuresGlobal: 100,
};

/** One replica's app server, as far as rate limits go, on its own pool. */
async function replica(): Promise<FastifyInstance> {
  const app = Fastify();
  await registerRateLimits(app, LIMITS, pgRateLimitStore(database!.openPool()));
  app.get('/v1/conversations', async () => ({ ok: true }));
  apps.push(app);
  return app;
}

function hit(store: Store, key: string, windowMs: number, max = 10): Promise<Result> {
  return new Promise((resolve, reject) =>
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), windowMs, max),
  );
}

function peek(store: Store, key: string): Promise<Result> {
  return new Promise((resolve, reject) =>
    store.read(key, (error, result) => (error ? reject(error) : resolve(result!))),
  );
}

describe.skipIf(!process.env.DATABASE_URL)('rate limits shared on PostgreSQL', () => {
  it('counts every replica against one budget per client', async () => {
    database = await openTestPgDatabase();
    await prepareRateLimitTable(database.pool);
    const [first, second] = [await replica(), await replica()];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? first : second;
      statuses.push((await app.inject({ url: '/v1/conversations' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const limited = await second.inject({ url: '/v1/conversations' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(50);
    // Another client has a budget of its own.
    const other = await first.inject({ url: '/v1/conversations', remoteAddress: '10.0.0.7' });
    expect(other.statusCode).toBe(200);
  });

  it('starts a new window once the old one ends, and a peek counts nothing', async () => {
    database = await openTestPgDatabase();
    await prepareRateLimitTable(database.pool);
    const Ctor = pgRateLimitStore(database.pool);
    const store = new Ctor({}) as Store;
    expect((await hit(store, 'k', 400)).current).toBe(1);
    expect((await hit(store, 'k', 400)).current).toBe(2);
    const third = await hit(store, 'k', 400);
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(0);
    expect(third.ttl).toBeLessThanOrEqual(400);
    expect((await peek(store, 'k')).current).toBe(3);
    expect((await peek(store, 'k')).current).toBe(3);
    // The window ends on the database's clock.
    await vi.waitFor(async () => expect((await peek(store, 'k')).current).toBe(0), {
      timeout: 10_000,
      interval: 25,
    });
    expect((await hit(store, 'k', 400)).current).toBe(1);
  });

  it('counts a large budget in batches, every hit reaching the shared count', async () => {
    database = await openTestPgDatabase();
    await prepareRateLimitTable(database.pool);
    const pools = [database.openPool(), database.openPool()];
    const writes = pools.map((pool) => vi.spyOn(pool, 'query'));
    const [one, two] = pools.map((pool) => new (pgRateLimitStore(pool))({}) as Store);
    // One replica sees its own count go up hit by hit: its limit holds at the budget.
    const seen: number[] = [];
    for (let i = 0; i < 150; i++) seen.push((await hit(one!, 'api|ip', 60_000, 200)).current);
    expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    for (let i = 0; i < 50; i++) await hit(two!, 'api|ip', 60_000, 200);
    const shared = async () =>
      (
        await database!.pool.query<{ hits: number }>(
          "SELECT hits FROM rate_limit_hits WHERE key = 'api|ip'",
        )
      ).rows[0]?.hits;
    await vi.waitFor(async () => expect(await shared()).toBe(200), { timeout: 10_000 });
    // Far fewer statements than hits: the first of each replica's window, then a batch now and then.
    const statements = writes.reduce((n, spy) => n + spy.mock.calls.length, 0);
    expect(statements).toBeLessThan(40);
    // A replica whose window opens now starts from everyone's count.
    const three = new (pgRateLimitStore(database.openPool()))({}) as Store;
    expect((await hit(three, 'api|ip', 60_000, 200)).current).toBe(201);
  });

  it('raises errors other than an unreachable database, so no bug lifts a limit', async () => {
    database = await openTestPgDatabase();
    // No table in this schema: a query error, not an outage.
    const Ctor = pgRateLimitStore(database.pool);
    await expect(hit(new Ctor({}) as Store, 'k', 1_000)).rejects.toThrow(/rate_limit_hits/);
  });
});

describe('rate limits while the database is unreachable', () => {
  it('count on in memory, never unlimited', async () => {
    // Port 9 on loopback: nothing listens, so every connection is refused at once.
    const pool = createPgPool({ connectionString: 'postgres://nobody@127.0.0.1:9/none' });
    const messages: string[] = [];
    const Ctor = pgRateLimitStore(pool, (message) => messages.push(message));
    const store = new Ctor({}) as Store;
    try {
      expect((await hit(store, 'sign-in|ip', 60_000)).current).toBe(1);
      expect((await hit(store, 'sign-in|ip', 60_000)).current).toBe(2);
      expect((await peek(store, 'sign-in|ip')).current).toBe(2);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/unreachable.*memory/);
    } finally {
      await pool.end();
    }
  });
});
