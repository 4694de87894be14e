import { describe, expect, it } from 'vitest';
import type { Upstream } from '../app-server/upstream';
import type { ReviewStore } from '../store/review-types';
import { createOutboxWorker } from './outbox-worker';

describe('the outbox while its store is unreachable', () => {
  it('keeps running, backs off, and drains once the store answers again', async () => {
    let claims = 0;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    // Only what an empty outbox asks for; the first three looks fail as a stopped database would.
    const store = {
      claimDue: async () => {
        claims++;
        if (claims <= 3) throw refused;
        return [];
      },
      nextDueAt: async () => null,
    } as unknown as ReviewStore;
    const warnings: string[] = [];
    const worker = createOutboxWorker({
      store,
      upstream: {} as Upstream,
      baseMs: 5,
      maxMs: 20,
      log: { warn: (message) => warnings.push(message) },
    });
    worker.start();
    await worker.drained();
    await worker.stop();
    expect(claims).toBe(4);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/Looking again in \d+ ms\./);
  });
});
