import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateConversations } from '../../demo-data/generate';
import { createSqliteCallStore } from './sqlite-call-store';
import { createSqliteReviewStore } from './sqlite-review-store';

const dir = mkdtempSync(path.join(tmpdir(), 'callscope-turns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writes on two connections to the index', () => {
  it("save a reviewer's comment while a sync's group of pages waits for its next page", async () => {
    const file = path.join(dir, 'index.sqlite');
    const calls = createSqliteCallStore(file);
    const reviews = createSqliteReviewStore(file);
    const conversations = [
      ...generateConversations({
        count: 30,
        now: new Date('2026-11-25T00:00:00Z'),
        recordingOrigin: 'http://127.0.0.1:1',
      }),
    ];
    await calls.upsert(conversations.slice(0, 10));
    let nextPage!: () => void;
    const fetched = new Promise<void>((resolve) => (nextPage = resolve));
    let waiting!: () => void;
    const waitingForPage = new Promise<void>((resolve) => (waiting = resolve));
    let groupDone = false;
    const group = calls
      .group(async (tx) => {
        await tx.upsert(conversations.slice(10, 20), 'sweep-1');
        await tx.writeState('sweep', { next: 20 });
        waiting();
        await fetched;
        await tx.upsert(conversations.slice(20), 'sweep-1');
        await tx.writeState('sweep', { next: 30 });
      })
      .finally(() => (groupDone = true));

    await waitingForPage;
    // Without taking turns this waited out SQLite's busy timeout on the event loop, then failed
    // with "database is locked".
    const comment = await reviews.addComment(conversations[0]!.id, 'qa@example.com', 'Fine.', 3);
    expect(groupDone).toBe(false);
    expect(comment.text).toBe('Fine.');

    nextPage();
    await group;
    expect(await calls.count()).toBe(30);
    expect(await calls.readState('sweep')).toEqual({ next: 30 });
    expect((await reviews.comments(conversations[0]!.id)).map((c) => c.text)).toEqual(['Fine.']);
    await reviews.close();
    await calls.close();
  });
});
