import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { CallList, Conversation } from '../contract';
import {
  getReview,
  isExplained503,
  postComment,
  putRating,
  type Answer,
} from '../scripts/cluster/review-client';
import { startCluster, type Cluster, type Replica } from '../scripts/cluster/start-cluster';
import { waitForSyncLeaseHolder } from '../scripts/cluster/sync-lease-holder';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { expect, test } from './support/console-guard';
import { createConversation, getConversation } from './support/demo-api';
import { prepareRunDataDir, removeRunDataDir } from './support/e2e-data';
import { waitForIndex } from './support/index-ready';

/**
 * Two replicas on one PostgreSQL database behind a load balancer, as real processes: the demo
 * Trata API on its own, the replicas in upstream mode, PostgreSQL from scripts/with-postgres.sh
 * (`npm run test:cluster`). The tests run in order on one cluster; the failover test restarts
 * the replica it kills, so the outage test finds two again.
 */
const SYNC_INTERVAL_S = 3;
const CONVERSATIONS = 120;
let cluster: Cluster;
let dataDirs: string[] = [];

const NEWEST = 'limit=20&sort_by=timestampStart&sort_order=desc';
const run = promisify(execFile);
const pgCtl = (action: 'stop' | 'start') => run('scripts/pg-ctl.sh', [action]);

async function listThrough(origin: string, query = 'limit=100'): Promise<CallList> {
  const response = await fetch(`${origin}/api/calls?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CallList;
}

/** The newest calls with a transcript, the ones the tests review. */
async function callIds(count: number): Promise<string[]> {
  const list = await listThrough(cluster.url, 'limit=50&sort_by=timestampStart&sort_order=desc');
  return list.items.map((item) => item.id).slice(0, count);
}

const reviewPanel = (page: Page) => page.getByRole('region', { name: 'Review', exact: true });
const commentsOf = (page: Page) => reviewPanel(page).getByRole('region', { name: 'Comments' });

async function asReviewer(page: Page, name: string) {
  await page
    .context()
    .addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      'callscope.reviewer-name',
      name,
    ] as const);
}

/** The reviewers whose verdicts Trata holds on a call: the first line of each of our entries. */
async function deliveredReviewers(callId: string): Promise<string[]> {
  const conversation: Conversation = await getConversation(callId, {
    apiOrigin: cluster.apiOrigin,
    apiToken: cluster.apiToken,
  });
  return (conversation.adminComments ?? []).flatMap((entry) => {
    const match = /^\[Callscope review\] (.+)\n/.exec(String(entry.comment ?? ''));
    return match ? [match[1]!] : [];
  });
}

test.describe.serial('two replicas on one PostgreSQL database', () => {
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('No DATABASE_URL: run it with `npm run test:cluster`.');
    const apiDataDir = prepareRunDataDir({ name: 'cluster-api', conversations: CONVERSATIONS });
    const replicasDir = prepareRunDataDir({ name: 'cluster-replicas' });
    dataDirs = [apiDataDir, replicasDir];
    cluster = await startCluster({
      databaseUrl,
      conversations: CONVERSATIONS,
      syncIntervalS: SYNC_INTERVAL_S,
      apiDataDir,
      replicasDir,
    });
    await waitForIndex(cluster.url);
    await expect.poll(() => cluster.proxy.readyTargets().length).toBe(2);
  });
  test.afterAll(async () => {
    await cluster?.stop();
    dataDirs.forEach(removeRunDataDir);
  });

  test('a comment written through one replica shows through the other', async ({
    page,
    browser,
  }) => {
    const [a, b] = cluster.replicas as [Replica, Replica];
    const text = `Seen on both replicas ${Date.now()}`;
    await asReviewer(page, 'Ana Cluster');
    await page.goto(`${a.url}/calls/${SEED_EXAMPLE_ID}`);
    const form = commentsOf(page).getByRole('form', { name: 'New comment' });
    await form.getByRole('textbox', { name: 'Comment on the whole call' }).fill(text);
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect(commentsOf(page).getByText(text)).toBeVisible();
    await expect(commentsOf(page).getByRole('status')).toHaveCount(0); // saved, not "Saving…"

    const other = await browser.newPage();
    try {
      await asReviewer(other, 'Ben Cluster');
      await other.goto(`${b.url}/calls/${SEED_EXAMPLE_ID}`);
      await expect(commentsOf(other).getByText(text)).toBeVisible();
    } finally {
      await other.close();
    }
  });

  test('the list is the same through either replica', async () => {
    const [a, b] = cluster.replicas as [Replica, Replica];
    for (const query of ['limit=100', 'limit=20&sort_by=duration&sort_order=desc&q=order']) {
      const [throughA, throughB] = [
        await listThrough(a.url, query),
        await listThrough(b.url, query),
      ];
      expect(throughA.total).toBeGreaterThan(0);
      expect(throughB).toEqual(throughA);
    }
  });

  test('50 writers on both replicas at once: every comment and rating stored exactly once', async () => {
    test.setTimeout(180_000);
    const calls = await callIds(3);
    const writers = Array.from({ length: 50 }, (_, index) => index);
    const expected = new Map(calls.map((id) => [id, [] as string[]]));
    const answers = await Promise.all(
      writers.map(async (writer) => {
        const origin = cluster.replicas[writer % 2]!.url;
        const name = `Writer ${writer}`;
        const mine: Answer[] = [];
        for (const callId of calls) {
          for (const round of [1, 2]) {
            const text = `writer ${writer}, comment ${round} on ${callId}`;
            expected.get(callId)!.push(text);
            mine.push(await postComment(origin, callId, name, text));
          }
          mine.push(await putRating(origin, callId, name, 1 + (writer % 5)));
        }
        return mine;
      }),
    );
    const failed = answers.flat().filter((answer) => answer.status >= 300);
    expect(failed, 'writes that were refused').toEqual([]);

    for (const callId of calls) {
      for (const replica of cluster.replicas) {
        const review = await getReview(replica.url, callId);
        const texts = review.comments
          .filter((comment) => comment.author.startsWith('Writer '))
          .map((comment) => comment.text);
        expect(texts.toSorted()).toEqual(expected.get(callId)!.toSorted());
        expect(new Set(review.comments.map((comment) => comment.id)).size).toBe(
          review.comments.length,
        );
        expect(review.reviews.filter((entry) => entry.reviewer.startsWith('Writer '))).toHaveLength(
          writers.length,
        );
      }
    }
    // The outboxes of both replicas deliver each verdict to Trata once, merged by reviewer.
    for (const callId of calls) {
      await expect
        .poll(async () => (await deliveredReviewers(callId)).toSorted(), { timeout: 120_000 })
        .toEqual(writers.map((writer) => `Writer ${writer}`).toSorted());
    }
  });

  test('the replica holding the sync lease is killed: the other one syncs within two intervals', async () => {
    test.setTimeout(120_000);
    const holder = await waitForSyncLeaseHolder(cluster);
    const survivor = cluster.replicas.find((replica) => replica !== holder)!;
    try {
      await holder.kill();
      const id = await createConversation(
        { apiOrigin: cluster.apiOrigin, apiToken: cluster.apiToken },
        {
          id: 'con.cluster.failover',
          timestampStart: new Date().toISOString(),
          transcriptText: 'Created while the sync lease holder was down.',
        },
      );
      const created = Date.now();
      const listed = async () =>
        (await listThrough(survivor.url, NEWEST)).items.some((item) => item.id === id);
      // Two intervals: the survivor takes the lease at its next try, and the next pass reads the
      // call; 2 s more for that pass itself on a busy machine.
      await expect
        .poll(listed, { timeout: 2 * SYNC_INTERVAL_S * 1000 + 2_000, intervals: [200] })
        .toBe(true);
      const took = `new call listed by the survivor ${Date.now() - created} ms after it was created`;
      test.info().annotations.push({ type: 'failover', description: took });
      console.log(`Failover: ${took}`);
      // Through the load balancer too: it no longer sends anyone to the dead replica.
      expect((await listThrough(cluster.url, NEWEST)).items.map((item) => item.id)).toContain(id);
    } finally {
      await holder.start();
    }
    await expect.poll(() => cluster.proxy.readyTargets().length).toBe(2);
  });

  test('PostgreSQL away for 10 s under load: 503s that say why, then all is back and nothing lost', async () => {
    test.setTimeout(180_000);
    // Deeper in the list than the calls the writers reviewed, whatever the failover test added.
    const callId = (await callIds(10))[9];
    const reviewer = 'Olga Outage';
    expect((await putRating(cluster.url, callId!, reviewer, 2)).status).toBe(200);
    const before = await postComment(cluster.url, callId!, reviewer, 'Written before the outage');
    expect(before.status).toBe(201);

    // Eight clients read the list and write comments through the load balancer without pause.
    const seen: Answer[] = [];
    const broken: string[] = [];
    const saved = ['Written before the outage'];
    let loading = true;
    let outage = false;
    const duringOutage: Answer[] = [];
    const client = async (index: number) => {
      for (let round = 1; loading; round++) {
        try {
          const response = await fetch(`${cluster.url}/api/calls?limit=20`, {
            signal: AbortSignal.timeout(10_000),
          });
          const list: Answer = { status: response.status, body: await response.json() };
          const text = `Load ${index}.${round}`;
          const comment = await postComment(cluster.url, callId!, reviewer, text, 10_000);
          if (comment.status === 201) saved.push(text);
          seen.push(list, comment);
          if (outage) duringOutage.push(list, comment);
        } catch (error) {
          // A timeout here is a hang; anything else a connection cut or a body that is not JSON.
          broken.push(`${index}.${round}: ${String(error)}`);
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, index) => client(index));
    await expect.poll(() => seen.length).toBeGreaterThan(20);

    await pgCtl('stop');
    const stoppedAt = Date.now();
    outage = true;
    // The outage lasts 10 s, and long enough for both replicas to have said so.
    await expect
      .poll(
        () =>
          Date.now() - stoppedAt >= 10_000 &&
          duringOutage.filter((answer) => answer.status === 503).length >= 10,
        { timeout: 30_000 },
      )
      .toBe(true);
    await pgCtl('start');
    outage = false;
    const died = cluster.replicas.flatMap((replica) => {
      const child = replica.process();
      return child?.exited ? [`${replica.name}: ${child.stderrTail().slice(-1500)}`] : [];
    });
    expect(died, 'replicas that died while the database was away').toEqual([]);
    await expect
      .poll(() => cluster.proxy.readyTargets().length, { timeout: 60_000, intervals: [200] })
      .toBe(2);
    // Back: the list answers, and comments are saved again through both replicas.
    await expect
      .poll(async () => (await fetch(`${cluster.url}/api/calls?limit=1`)).status, {
        timeout: 30_000,
      })
      .toBe(200);
    const savedAfter = saved.length;
    await expect.poll(() => saved.length, { timeout: 30_000 }).toBeGreaterThan(savedAfter + 4);
    loading = false;
    await Promise.all(clients);

    expect(broken, 'requests that hung or were cut off').toEqual([]);
    const unexplained = seen.filter(
      (answer) => ![200, 201].includes(answer.status) && !isExplained503(answer),
    );
    expect(unexplained, 'answers other than 200, 201 or a 503 with a reason').toEqual([]);

    // Every comment a replica confirmed is stored, once; the verdict reaches Trata once.
    for (const replica of cluster.replicas) {
      const texts = (await getReview(replica.url, callId!)).comments
        .filter((comment) => comment.author === reviewer)
        .map((comment) => comment.text);
      expect(texts.toSorted()).toEqual(saved.toSorted());
    }
    // The verdict is still queued or sent: the outage lost no outbox entry.
    const mine = async () =>
      (await getReview(cluster.url, callId!)).delivery.reviewers.find(
        (entry) => entry.reviewer === reviewer,
      );
    expect(['pending', 'sent']).toContain((await mine())?.state);
    // It is delivered later; how much later depends on when the outage caught it (a delivery
    // claimed just before stays its worker's until the claim runs out), so it is reported.
    const deadline = Date.now() + 30_000;
    let last = await mine();
    while (last?.state !== 'sent' && Date.now() < deadline) {
      // Polling the delivery until it is sent or the report is due.
      await new Promise((resolve) => setTimeout(resolve, 500));
      last = await mine();
    }
    const outcome =
      last?.state === 'sent'
        ? 'the verdict reached Trata within 30 s of the database coming back'
        : `still ${last?.state} 30 s after the database came back (${last?.reason ?? 'no reason'}; next attempt ${last?.nextAttemptAt ?? 'not set'}, ${last?.attempts} attempts)`;
    test.info().annotations.push({ type: 'outbox after the outage', description: outcome });
    console.log(`Outbox after the outage: ${outcome}`);
    if (last?.state === 'sent') expect(await deliveredReviewers(callId!)).toEqual([reviewer]);
  });
});
