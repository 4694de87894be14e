import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_SEED, generateConversations } from './generate';

/**
 * `npm run bench:demo-data -- --count 1000000`: how fast the generator streams conversations,
 * single-threaded, without storing them. Prints wall-clock and CPU rates, because other work on
 * the machine slows the wall clock; the goal is 20,000 conversations a second.
 */
const { values } = parseArgs({
  options: { count: { type: 'string' }, seed: { type: 'string' } },
});
const args = z
  .object({
    count: z.coerce.number().int().positive().default(1_000_000),
    seed: z.coerce.number().int().default(DEMO_SEED),
  })
  .parse(values);

const options = {
  count: args.count,
  seed: args.seed,
  now: new Date('2026-11-20T00:00:00Z'),
  recordingOrigin: 'http://127.0.0.1:8081',
};

// A first short run lets V8 optimize the generator before the clock starts.
for (const _ of generateConversations({ ...options, count: 20_000 }));

const loadBefore = os.loadavg()[0]!;
const cpuBefore = process.cpuUsage();
const started = performance.now();
let conversations = 0;
let messages = 0;
let sampledBytes = 0;
let sampled = 0;
for (const conversation of generateConversations(options)) {
  conversations++;
  messages += conversation.transcriptText?.length ?? 0;
  if (conversations % 1000 === 0) {
    sampledBytes += JSON.stringify(conversation).length;
    sampled++;
  }
}
const wallSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rate = (seconds: number) => Math.round(conversations / seconds).toLocaleString('en');

console.log(`Generated ${conversations.toLocaleString('en')} conversations (seed ${args.seed})`);
console.log(`  wall: ${wallSeconds.toFixed(2)} s = ${rate(wallSeconds)} conversations/s`);
console.log(`  CPU:  ${cpuSeconds.toFixed(2)} s = ${rate(cpuSeconds)} conversations/CPU-s`);
console.log(
  `  ${(messages / conversations).toFixed(1)} messages and ~${Math.round(sampledBytes / Math.max(1, sampled)).toLocaleString('en')} JSON bytes per conversation`,
);
console.log(
  `  load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
);
