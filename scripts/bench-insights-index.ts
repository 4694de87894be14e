import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatTrataTimestamp, PROSPECT_STATUSES, type Conversation } from '../contract';
import { INDEX_SCHEMA_VERSION } from '../server/store/sqlite/migrations';
import { createSqliteCallStore } from '../server/store/sqlite/sqlite-call-store';
import type { CallStore } from '../server/store/types';

/** The newest call of the synthetic index; windows are measured back from it. */
export const BENCH_NOW = Date.UTC(2026, 10, 25);
const DAYS = 365;
const AGENTS = Array.from({ length: 8 }, (_, i) => ({ id: `aia.bench.${i}`, name: `Agent ${i}` }));
const SENTIMENTS = ['positive', 'positive', 'neutral', 'neutral', 'negative', null];
const SOURCES = ['PHONE', 'PHONE', 'PHONE', 'BROWSER'];

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A small call starting at `start`: a caller line and an answer, slow about one time in five. */
function syntheticCall(i: number, start: number, next: () => number): Conversation {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const seconds = 20 + Math.floor(next() * next() * 900);
  const answerAfter = next() < 0.2 ? 6_000 : 2_500;
  return {
    id: `con.bench.${i.toString(36)}`,
    aiAgentId: pick(AGENTS).id,
    sourceType: pick(SOURCES),
    status: next() < 0.05 ? 'archived' : 'active',
    timestampStart: formatTrataTimestamp(start),
    timestampEnd: formatTrataTimestamp(start + seconds * 1000),
    createdAt: formatTrataTimestamp(start),
    updatedAt: formatTrataTimestamp(start + seconds * 1000),
    transcriptText: [
      { speaker: 'USER', message: 'Hello?', timestamp: formatTrataTimestamp(start) },
      { speaker: 'AI', message: 'Hi there.', timestamp: formatTrataTimestamp(start + answerAfter) },
    ],
    conversationAnalytics: {
      sentiment_of_caller: pick(SENTIMENTS),
      prospectStatus: pick(PROSPECT_STATUSES),
      is_audio_consent_given: next() < 0.8,
      summary: 'A synthetic call.',
    },
  };
}

/**
 * An index of `count` synthetic calls spread over the last year, written straight through the
 * store (no API, no sync) into `bench-data/`, and reused while it holds exactly `count` calls.
 */
export async function openBenchIndex(
  count: number,
  log: (line: string) => void,
): Promise<{
  store: CallStore;
  file: string;
}> {
  const dir = path.resolve('bench-data');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `insights-v${INDEX_SCHEMA_VERSION}-${count}.sqlite`);
  const fresh = !existsSync(file);
  const store = createSqliteCallStore(file);
  const held = fresh ? 0 : await store.count();
  if (!fresh && held === count) return { store, file };
  if (!fresh) throw new Error(`${file} holds ${held} calls, not ${count}: delete it.`);
  const started = performance.now();
  await store.upsertAgents(AGENTS);
  const next = random(42);
  // Starts uniform over the year, written in start order as a sync writes them: every index on
  // the start and every rollup then grows at its end instead of at random places, which kept a
  // million calls from being written in reasonable time.
  const starts = new Float64Array(count);
  for (let i = 0; i < count; i++) starts[i] = BENCH_NOW - Math.floor(next() * DAYS * 86_400_000);
  starts.sort();
  const CHUNK = 5_000;
  for (let done = 0; done < count; done += CHUNK) {
    const calls = Array.from({ length: Math.min(CHUNK, count - done) }, (_, i) =>
      syntheticCall(done + i, starts[done + i]!, next),
    );
    // Trigrams are irrelevant to insights: left deferred, as a backfill leaves them.
    await store.upsert(calls, undefined, { deferText: true });
    if ((done / CHUNK) % 20 === 0) log(`  ${done + calls.length} calls written`);
  }
  log(`built ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { store, file };
}
