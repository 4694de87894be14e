import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../api/testing/demo-api-fixture';
import { reviewConversation } from '../index-api/testing/review-fixture';
import {
  openTestPgDatabase,
  testBackend,
  type TestPgDatabase,
} from '../store/testing/test-database';
import { openOutboxStore, pgTarget } from './testing/open-outbox-store';
import { adminCommentsOf, startReviewUpstream } from './testing/review-upstream';
import { reviewerOfEntry } from './verdict-entry';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/outbox-child.ts');
const ID = 'con.review.1';
const dir = mkdtempSync(path.join(tmpdir(), 'callscope-outbox-crash-'));
const schemas: TestPgDatabase[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(schemas.map((schema) => schema.drop()));
});

/** Runs the child until it prints `line` (resolving then), or until it dies. */
function runChild(target: string, url: string, line: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, TEST_TOKEN, target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const printed = new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.split('\n').includes(line)) resolve();
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`The child ended (${code ?? signal}) first.`)),
    );
  });
  return { child, exited, printed };
}

/**
 * An outbox holding Dana's verdict, not yet delivered: in an SQLite file, or in a PostgreSQL
 * schema of its own when the suite runs against PostgreSQL (the child inherits DATABASE_URL).
 */
async function queuedOutbox(name: string): Promise<string> {
  let target = path.join(dir, `${name}.sqlite`);
  if (testBackend() === 'postgres') {
    const schema = await openTestPgDatabase();
    schemas.push(schema);
    target = pgTarget(schema.schema);
  }
  const { store, close } = await openOutboxStore(target);
  await store.setReview(ID, 'Dana', { rating: 4, status: 'reviewed' });
  await store.addComment(ID, 'Dana', 'Quoted the right price.', 12);
  await close();
  return target;
}

/**
 * The demo API holds the first PUT until the connection closes, and says when it got there:
 * before applying it (it is then refused) or after (the answer is then lost with the process).
 * `arrivals` counts the PUTs that reached it.
 */
async function holdingUpstream(landed: boolean) {
  let reached: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const arrivals = { count: 0 };
  const hold = async (request: FastifyRequest) => {
    if (request.method !== 'PUT') return false;
    arrivals.count++;
    if (arrivals.count > 1) return false;
    reached();
    await new Promise((resolve) => request.socket.once('close', resolve));
    return true;
  };
  const api = await startReviewUpstream([reviewConversation(ID)], {
    setup: (server) => {
      if (landed) {
        server.addHook('onSend', async (request, _reply, payload) => {
          await hold(request);
          return payload;
        });
      } else {
        server.addHook('preHandler', async (request, reply) => {
          if (await hold(request)) return reply.code(503).send({ detail: 'gone' });
        });
      }
    },
  });
  return { api, held, arrivals };
}

async function crashThenRestart(landed: boolean) {
  const target = await queuedOutbox(landed ? 'landed' : 'lost');
  const { api, held, arrivals } = await holdingUpstream(landed);
  const first = runChild(target, api.url, 'drained');
  first.printed.catch(() => undefined);
  await held;
  first.child.kill('SIGKILL');
  await first.exited;
  expect(arrivals.count).toBe(1);

  const second = runChild(target, api.url, 'drained');
  await second.printed;
  await second.exited;
  const { store, close } = await openOutboxStore(target);
  expect((await store.delivery(ID)).state).toBe('sent');
  await close();
  return { api, putsAfterRestart: arrivals.count - 1 };
}

describe(`an outbox killed while a write is in flight (${testBackend()})`, () => {
  it('delivers once after a restart when the write had not landed', async () => {
    const { api, putsAfterRestart } = await crashThenRestart(false);
    try {
      const entries = adminCommentsOf(api.fixture, ID);
      expect(entries.filter((entry) => reviewerOfEntry(entry) === 'Dana')).toHaveLength(1);
      expect(entries).toHaveLength(2);
      expect(putsAfterRestart).toBe(1);
    } finally {
      await api.close();
    }
  });

  it('adds nothing after a restart when the write had landed', async () => {
    const { api, putsAfterRestart } = await crashThenRestart(true);
    try {
      const entries = adminCommentsOf(api.fixture, ID);
      expect(entries.filter((entry) => reviewerOfEntry(entry) === 'Dana')).toHaveLength(1);
      expect(entries).toHaveLength(2);
      // The restarted outbox read the entry back and had nothing to write.
      expect(putsAfterRestart).toBe(0);
    } finally {
      await api.close();
    }
  });
});
