import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Conversation } from '../contract';
import { registerRecordingRoutes } from '../server/app-server/recording-routes';
import { createRecordingFetch } from '../server/app-server/recording-source';
import { generateConversations, LONG_CALL_EXAMPLE_ID } from '../server/demo-data/generate';
import { registerDemoRecordingRoutes } from '../server/recordings/demo-recording-routes';
import { callSeconds } from '../server/recordings/render-call';
import { createFileCache } from '../server/recordings/recording-cache';
import { createWorkerSynthesizer } from '../server/recordings/synthesize';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:recordings`: synthesis cost, time to first byte, peaks cost and sizes, measured
 * through the same demo and app routes the dashboard uses.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-bench-rec-'));
const all = [...generateConversations({ count: 400, recordingOrigin: 'http://x' })];
const long = all.find((c) => c.id === LONG_CALL_EXAMPLE_ID)!;
const threeMinute = all
  .filter((c) => c.transcriptRecordingUrl && Math.abs(callSeconds(c) - 180) < 25)
  .slice(0, 3);
const byId = new Map(all.map((c) => [c.id, c]));

const synthesizer = createWorkerSynthesizer();
const demo = Fastify();
registerDemoRecordingRoutes(demo, {
  getConversation: (id) => byId.get(id) ?? null,
  cache: createFileCache(path.join(dir, 'rec'), '.mp3'),
  synthesize: synthesizer.synthesize,
});
await demo.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;
const app = Fastify();
registerRecordingRoutes(app, {
  locate: async (id) => `${origin}/recordings/${id}.mp3`,
  fetchRecording: createRecordingFetch({ allowedHosts: [], trustedOrigins: [origin] }),
  peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const appOrigin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

async function firstByte(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const reader = response.body!.getReader();
  await reader.read();
  const ms = performance.now() - started;
  await reader.cancel();
  return ms;
}

async function timed<T>(run: () => Promise<T>) {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const rows: string[] = [];
const recordingUrl = (c: Conversation) => `${appOrigin}/api/conversations/${c.id}/recording`;

// Uncached 3-minute calls: first byte through the app route means the player can start.
const playable: number[] = [];
for (const call of threeMinute)
  playable.push(await firstByte(recordingUrl(call), { range: 'bytes=0-' }));
const longSynthesis = await timed(() => firstByte(recordingUrl(long)));
const longMinutes = callSeconds(long) / 60;
const cachedTtfb: number[] = [];
for (let i = 0; i < 50; i++)
  cachedTtfb.push(await firstByte(recordingUrl(long), { range: `bytes=${i * 1000}-` }));
cachedTtfb.sort((a, b) => a - b);
const size =
  Number(
    (await fetch(recordingUrl(long), { method: 'HEAD' })).headers.get('content-length') ?? 0,
  ) || (await (await fetch(recordingUrl(long))).arrayBuffer()).byteLength;
const peaksCompute = await timed(async () =>
  (await fetch(`${appOrigin}/api/conversations/${long.id}/peaks`)).text(),
);
const peaksServe: number[] = [];
for (let i = 0; i < 50; i++)
  peaksServe.push(
    (
      await timed(async () =>
        (await fetch(`${appOrigin}/api/conversations/${long.id}/peaks`)).text(),
      )
    ).ms,
  );
peaksServe.sort((a, b) => a - b);

rows.push(
  `| synthesis + encoding, ${longMinutes.toFixed(1)}-minute call | ${(longSynthesis.ms / 1000 / longMinutes).toFixed(2)} s per minute of audio | — |`,
);
rows.push(
  `| uncached 3-minute call playable (first byte via app route) | ${playable.map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s | ≤ 5 s |`,
);
rows.push(
  `| cached recording, time to first byte (p50 / p95 of 50) | ${cachedTtfb[25]!.toFixed(1)} / ${cachedTtfb[47]!.toFixed(1)} ms | ≤ 20 ms |`,
);
rows.push(
  `| peaks for the ${longMinutes.toFixed(0)}-minute call: compute (download + decode + reduce) | ${(peaksCompute.ms / 1000).toFixed(2)} s | ≤ 3 s |`,
);
rows.push(
  `| peaks, cached: serve (p50 / p95 of 50) | ${peaksServe[25]!.toFixed(1)} / ${peaksServe[47]!.toFixed(1)} ms | ≤ 5 ms |`,
);
rows.push(
  `| audio size | ${(size / longMinutes / 1024).toFixed(0)} KB per minute (32 kbps CBR, 11.025 kHz mono) | — |`,
);
rows.push(
  `| peaks size | ${(peaksCompute.value.length / longMinutes / 1024).toFixed(1)} KB per minute; ${(peaksCompute.value.length / 1024).toFixed(0)} KB for ${longMinutes.toFixed(0)} min | < 1 MB |`,
);

const table = [
  'Measured in one run on this machine (2 cores), through the demo and app routes over loopback.',
  '',
  '| measure | result | goal |',
  '|---|---|---|',
  ...rows,
].join('\n');
replaceSection('Recordings', table);
console.log(table);
await app.close();
await demo.close();
await synthesizer.close();
rmSync(dir, { recursive: true, force: true });
