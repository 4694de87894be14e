import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_SEED, generateConversations } from '../demo-data/generate';
import { createConversationStore } from './conversation-store';
import { openDatabase } from './open-database';

/** `npm run seed -- --count 1000000 --out FILE`: a demo database of any size, for benchmarks. */
const argsSchema = z.object({
  count: z.coerce.number().int().positive().max(10_000_000).default(2_000),
  out: z.string().min(1).default('data/demo.sqlite'),
  seed: z.coerce.number().int().default(DEMO_SEED),
  origin: z.string().default('http://127.0.0.1:8081'),
});

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    origin: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(
    `Invalid arguments: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
  );
  process.exit(2);
}
const { count, out, seed, origin } = parsed.data;
const file = path.resolve(out);
if (existsSync(file)) {
  if (!values.force) {
    console.error(`${file} exists; pass --force to replace it.`);
    process.exit(2);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
mkdirSync(path.dirname(file), { recursive: true });

const db = openDatabase(file);
const store = createConversationStore(db);
const started = performance.now();
let lastReport = started;
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
store.insertMany(generateConversations({ count, seed, recordingOrigin: origin }), (done, phase) => {
  const now = performance.now();
  if (phase === 'indexing') {
    console.log(`${done.toLocaleString('en')} rows in ${seconds()} s; building indexes and FTS…`);
  } else if (now - lastReport > 5_000) {
    lastReport = now;
    console.log(
      `${done.toLocaleString('en')} / ${count.toLocaleString('en')} (${Math.round(done / ((now - started) / 1000))}/s)`,
    );
  }
});
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
console.log(
  `Seeded ${count.toLocaleString('en')} conversations into ${file} in ${seconds()} s (${Math.round(count / Number(seconds()))}/s)`,
);
