import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { peaksSchema, transcriptMessages, type Conversation, type Peaks } from '../contract';
import { generateConversations, SEED_EXAMPLE_ID } from '../server/demo-data/generate';
import { registerDemoRecordingRoutes } from '../server/recordings/demo-recording-routes';
import { stopPeaksWorker } from '../server/recordings/peaks';
import { createFileCache } from '../server/recordings/recording-cache';
import { callSeconds } from '../server/recordings/render-call';
import { createWorkerSynthesizer } from '../server/recordings/synthesize';
import { savedSeconds, silentSpans } from '../src/features/call-detail/player/silence';
import { responseLatencies } from '../src/features/call-detail/transcript/latency';
import { normalizeTranscript } from '../src/features/call-detail/transcript/normalize';

/**
 * `npm run bench:skip-silence`: how much listening time "Skip silence" saves on the seed call
 * and on the demo's longest call. The recordings are made by the demo's own synthesis and the
 * waveform is the peaks the server computes; the pauses are found by the same function the
 * player uses, leaving the AI's slow answers (the latency lane's flagged spans) audible.
 *
 * `--cache-dir <dir>` keeps the recordings there between runs (the hour-long call takes a while
 * to synthesize); without it a temporary directory is used and removed.
 */
const cacheArg = process.argv.indexOf('--cache-dir');
const kept = cacheArg > 0 ? process.argv[cacheArg + 1] : undefined;
const dir = kept ? path.resolve(kept) : mkdtempSync(path.join(os.tmpdir(), 'callscope-skip-'));
mkdirSync(dir, { recursive: true });

const all = [...generateConversations({ count: 2000, recordingOrigin: 'http://x' })];
const byId = new Map(all.map((call) => [call.id, call]));
const seed = byId.get(SEED_EXAMPLE_ID);
const longest = all
  .filter((call) => call.transcriptRecordingUrl)
  .reduce((best, call) => (callSeconds(call) > callSeconds(best) ? call : best));
if (!seed) throw new Error('the demo data lacks the seed call');

const synthesizer = createWorkerSynthesizer();
const demo = Fastify();
registerDemoRecordingRoutes(demo, {
  cache: createFileCache(path.join(dir, 'rec'), '.mp3'),
  peaksCache: createFileCache(path.join(dir, 'rec'), '.peaks.json'),
  synthesize: synthesizer.synthesize,
  getConversation: (id) => byId.get(id) ?? null,
});
await demo.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;

/** The call's whole waveform: asked for again while the recording is still being made. */
async function wholePeaks(call: Conversation): Promise<Peaks> {
  for (;;) {
    const response = await fetch(`${origin}/recordings/${call.id}.peaks.json`);
    if (!response.ok) throw new Error(`peaks of ${call.id}: ${response.status}`);
    const peaks = peaksSchema.parse(await response.json());
    if (peaks.complete !== false) return peaks;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const clock = (seconds: number) => {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

const rows: string[] = [];
for (const [label, call] of [
  ['seed call', seed],
  ['longest demo call', longest],
] as const) {
  const started = performance.now();
  const peaks = await wholePeaks(call);
  const made = (performance.now() - started) / 1000;
  const latencies = responseLatencies(normalizeTranscript(transcriptMessages(call), call));
  const slow = latencies.filter((one) => one.long).map((one) => ({ start: one.from, end: one.to }));
  const spans = silentSpans(peaks, slow);
  const saved = savedSeconds(spans);
  const everyPause = savedSeconds(silentSpans(peaks));
  rows.push(
    `| ${label} (${call.id}) | ${clock(peaks.duration)} | ${spans.length} | ${clock(saved)} | ${((saved / peaks.duration) * 100).toFixed(1)} % | ${clock(peaks.duration - saved)} | ${slow.length} (${clock(everyPause - saved)}) | ${made.toFixed(1)} s |`,
  );
}

console.log(
  '| call | length | pauses skipped | time saved | share | listening time | slow AI answers kept (their pauses) | recording + peaks made in |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  `\nload average (1, 5, 15 min): ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')}`,
);

await demo.close();
await synthesizer.close();
await stopPeaksWorker();
if (!kept) rmSync(dir, { recursive: true, force: true });
