import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Conversation } from '../contract';
import { registerRecordingRoutes } from '../server/app-server/recording-routes';
import { generateConversations, LONG_CALL_EXAMPLE_ID } from '../server/demo-data/generate';
import { registerDemoRecordingRoutes } from '../server/recordings/demo-recording-routes';
import { computePeaks, stopPeaksWorker } from '../server/recordings/peaks';
import { createFileCache } from '../server/recordings/recording-cache';
import { callSeconds } from '../server/recordings/render-call';
import { speak } from '../server/recordings/speech-engine';
import { createWorkerSynthesizer } from '../server/recordings/synthesize';
import { AGENT_VOICE } from '../server/recordings/voices';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:recordings`: synthesis cost, time to a playable recording, time to first byte,
 * peaks cost and sizes, all measured through the demo storage route and the app routes the
 * dashboard uses, over loopback.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-bench-rec-'));
const all = [...generateConversations({ count: 2000, recordingOrigin: 'http://x' })];
const long = all.find((c) => c.id === LONG_CALL_EXAMPLE_ID)!;
const threeMinute = all.filter(
  (c) => c.transcriptRecordingUrl && Math.abs(callSeconds(c) - 180) < 25,
);
const short = all.filter((c) => c.transcriptRecordingUrl && callSeconds(c) < 120).slice(0, 5);
const nineteenMinute = all.find(
  (c) => c.transcriptRecordingUrl && Math.abs(callSeconds(c) - 19 * 60) < 30,
);
if (!long || !nineteenMinute || threeMinute.length < 5)
  throw new Error('the demo data lacks the calls to measure');
const byId = new Map(all.map((c) => [c.id, c]));

const synthesizer = createWorkerSynthesizer();
const demo = Fastify();
const recordings = registerDemoRecordingRoutes(demo, {
  cache: createFileCache(path.join(dir, 'rec'), '.mp3'),
  peaksCache: createFileCache(path.join(dir, 'rec'), '.peaks.json'),
  synthesize: synthesizer.synthesize,
  getConversation: (id) => byId.get(id) ?? null,
});
await demo.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;
const app = Fastify();
registerRecordingRoutes(app, {
  locate: async (id) => ({ url: `${origin}/recordings/${id}.mp3` }),
  fetchRecording: (url, init) => fetch(url, init),
  peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
  storagePeaksUrl: (url) => `${url.slice(0, -4)}.peaks.json`,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const appOrigin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const recordingUrl = (c: Conversation) => `${appOrigin}/api/conversations/${c.id}/recording`;
const peaksUrl = (c: Conversation) => `${appOrigin}/api/conversations/${c.id}/peaks`;

async function firstByte(url: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const reader = response.body!.getReader();
  await reader.read();
  const ms = performance.now() - started;
  await reader.cancel();
  return ms;
}

/** Milliseconds to the first byte and to the last one of a whole recording. */
async function firstAndLast(url: string): Promise<{ first: number; last: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { range: 'bytes=0-' } });
  const reader = response.body!.getReader();
  let first = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
    first ||= performance.now() - started;
  return { first, last: performance.now() - started };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const minutesOf = (c: Conversation) => callSeconds(c) / 60;

// eSpeak in this process: one WASM instance, reused for every line.
const espeakInit = await timed(() => speak('Hello.', AGENT_VOICE));
const perLine: number[] = [];
for (let i = 0; i < 10; i++)
  perLine.push((await timed(() => speak('Thanks for calling, how can I help?', AGENT_VOICE))).ms);

// As after `npm start`: the worker has started and warmed while the server came up.
await recordings.warm(short.slice(0, 1));

/**
 * A user opens a call nobody opened before, as the player does: the recording streams (its
 * first byte = playable) while the waveform is asked for until it is complete.
 */
async function coldOpen(call: Conversation) {
  const started = performance.now();
  const audio = firstAndLast(recordingUrl(call));
  let waveformMs = 0;
  let firstWaveformMs = 0;
  for (;;) {
    const peaks = (await (await fetch(peaksUrl(call))).json()) as {
      complete?: boolean;
      length: number;
    };
    if (!firstWaveformMs && peaks.length > 0) firstWaveformMs = performance.now() - started;
    if (peaks.complete !== false) {
      waveformMs = performance.now() - started;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { first, last } = await audio;
  return { playable: first, synthesis: last, firstWaveform: firstWaveformMs, waveform: waveformMs };
}
const coldCalls = [threeMinute[4]!, nineteenMinute, long];
const coldOpens: Awaited<ReturnType<typeof coldOpen>>[] = [];
for (const call of coldCalls) coldOpens.push(await coldOpen(call));

// A user opens a call nobody opened before: first byte through the app route = playable.
const uncached: { first: number; last: number }[] = [];
for (const call of threeMinute.slice(0, 3)) uncached.push(await firstAndLast(recordingUrl(call)));

// The same while the first page is still being warmed in the background.
const warming = recordings.warm(short.slice(1));
await new Promise((resolve) => setTimeout(resolve, 300));
const duringWarm = await firstByte(recordingUrl(threeMinute[3]!), { range: 'bytes=0-' });
await warming;

// Throughput: the hour-long call, alone (its cold open above).
const longSynthesis = { first: coldOpens[2]!.playable, last: coldOpens[2]!.synthesis };

// As the API benchmark does: the first request is reported on its own, a few more warm the
// path (JIT, file handles), then 50 are measured.
const WARM_UPS = 5;
const cachedTtfbCold = await firstByte(recordingUrl(long), { range: 'bytes=0-' });
for (let i = 0; i < WARM_UPS; i++) await firstByte(recordingUrl(long), { range: 'bytes=1-' });
const cachedTtfb: number[] = [];
for (let i = 0; i < 50; i++)
  cachedTtfb.push(await firstByte(recordingUrl(long), { range: `bytes=${i * 1000}-` }));
const audioBytes = Number((await fetch(recordingUrl(long))).headers.get('content-length'));

// Peaks of a recording without stored ones (another storage host): decoded from the MP3.
const longMp3 = new Uint8Array(
  await (await fetch(`${origin}/recordings/${long.id}.mp3`)).arrayBuffer(),
);
const longDecode = await timed(() => computePeaks(longMp3));
const longPeaks = await timed(async () => (await fetch(peaksUrl(long))).text());
const shortPeaks = await timed(async () => (await fetch(peaksUrl(threeMinute[0]!))).text());
const fetchPeaks = async () => (await fetch(peaksUrl(long))).text();
const peaksServeCold = (await timed(fetchPeaks)).ms;
for (let i = 0; i < WARM_UPS; i++) await fetchPeaks();
const peaksServe: number[] = [];
for (let i = 0; i < 50; i++) peaksServe.push((await timed(fetchPeaks)).ms);

const threeMinutes = threeMinute.slice(0, 3).map((c) => minutesOf(c).toFixed(1));
const coldRows = coldCalls.flatMap((call, index) => {
  const open = coldOpens[index]!;
  const minutes = minutesOf(call).toFixed(0);
  return [
    [
      `cold ${minutes}-minute call: playable (first audio byte via app route, waveform requested alongside)`,
      `${seconds(open.playable)} s`,
      '≤ 1 s',
    ],
    [
      `cold ${minutes}-minute call: full waveform drawn / synthesis time (first points after ${seconds(open.firstWaveform)} s)`,
      `${seconds(open.waveform)} s / ${seconds(open.synthesis)} s (margin ${seconds(open.waveform - open.synthesis)} s)`,
      '≤ synthesis + 1 s',
    ],
  ];
});

const rows = [
  ...coldRows,
  [
    'eSpeak WASM: instantiate once / then per line (10-word line, p50)',
    `${espeakInit.ms.toFixed(0)} ms / ${percentile(perLine, 0.5).toFixed(0)} ms`,
    '—',
  ],
  [
    `synthesis + encoding, ${minutesOf(long).toFixed(0)}-minute call (worker thread)`,
    `${seconds(longSynthesis.last)} s = ${(longSynthesis.last / 1000 / minutesOf(long)).toFixed(2)} s per minute of audio (first byte after ${seconds(longSynthesis.first)} s)`,
    '—',
  ],
  [
    `uncached ${threeMinutes.join(' / ')}-minute calls: playable (first byte via app route)`,
    `${uncached.map(({ first }) => seconds(first)).join(' / ')} s`,
    '≤ 5 s',
  ],
  [
    'same calls: whole file made and received (the player streams meanwhile)',
    `${uncached.map(({ last }) => seconds(last)).join(' / ')} s`,
    '—',
  ],
  [
    `same, ${minutesOf(threeMinute[3]!).toFixed(1)}-minute call, while the first page warms in the background`,
    `${seconds(duringWarm)} s`,
    '≤ 5 s',
  ],
  [
    `cached recording: time to first byte via app route (p50 / p95 of 50, after ${WARM_UPS} warm-ups; the first: cold)`,
    `${percentile(cachedTtfb, 0.5).toFixed(1)} / ${percentile(cachedTtfb, 0.95).toFixed(1)} ms; cold ${cachedTtfbCold.toFixed(1)} ms`,
    '≤ 20 ms',
  ],
  [
    `peaks, ${minutesOf(long).toFixed(0)}-minute call, for storage without its own peaks: decode + reduce (worker start included)`,
    `${seconds(longDecode.ms)} s`,
    '≤ 3 s',
  ],
  [
    `peaks, ${minutesOf(threeMinute[0]!).toFixed(1)}-minute call: first request via app route (made during synthesis)`,
    `${shortPeaks.ms.toFixed(0)} ms`,
    '—',
  ],
  [
    `peaks, cached: serve via app route (p50 / p95 of 50, after ${WARM_UPS} warm-ups; the first: cold)`,
    `${percentile(peaksServe, 0.5).toFixed(1)} / ${percentile(peaksServe, 0.95).toFixed(1)} ms; cold ${peaksServeCold.toFixed(1)} ms`,
    '≤ 5 ms',
  ],
  [
    'audio size',
    `${(audioBytes / minutesOf(long) / 1024).toFixed(0)} KB per minute (32 kbps CBR, 11.025 kHz mono)`,
    '—',
  ],
  [
    'peaks size',
    `${(longPeaks.value.length / minutesOf(long) / 1024).toFixed(1)} KB per minute; ${(longPeaks.value.length / 1024).toFixed(0)} KB for ${minutesOf(long).toFixed(0)} min`,
    '< 1 MB',
  ],
];

const table = [
  `Measured in one run on this machine (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end), through the demo storage route and the app routes over loopback.`,
  '',
  '| measure | result | goal |',
  '|---|---|---|',
  ...rows.map((cells) => `| ${cells.join(' | ')} |`),
].join('\n');
replaceSection('Recordings', table);
console.log(table);

await app.close();
await demo.close();
await synthesizer.close();
await stopPeaksWorker();
rmSync(dir, { recursive: true, force: true });
