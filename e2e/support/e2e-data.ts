import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';

/**
 * DATA_DIRs for the servers of e2e runs. Seeding a demo database and synthesizing its recordings
 * is slow, so both are kept between runs in a template per size (`data/e2e/demo-<n>/`). Every
 * server of every run gets a DATA_DIR of its own under `data/e2e/runs/`: a copy of the template's
 * database, so what one run writes (new calls, the origin its port puts into recording URLs)
 * never reaches another run, and links to the template's recording and peaks caches, which are
 * safe to share (files are keyed by call id and written atomically under a unique name).
 */
const ROOT = path.resolve('data/e2e');
const RUNS = path.join(ROOT, 'runs');
const CACHES = ['recordings', 'peaks'] as const;

export interface RunDataDirOptions {
  /** Names the directory, for whoever looks into data/e2e/runs. */
  name: string;
  /** Size of the seeded demo database to copy in; none for an app server in upstream mode. */
  conversations?: number;
}

/** A fresh DATA_DIR for one server; remove it with {@link removeRunDataDir} once it stopped. */
export function prepareRunDataDir({ name, conversations }: RunDataDirOptions): string {
  removeAbandonedRunDirs();
  // The owner's pid in the name: a directory whose owner died is swept by a later run.
  const dir = path.join(RUNS, `${process.pid}-${name}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  if (conversations !== undefined) {
    const template = seededTemplate(conversations);
    copyFileSync(path.join(template, 'demo.sqlite'), path.join(dir, 'demo.sqlite'));
    for (const cache of CACHES) symlinkSync(path.join(template, cache), path.join(dir, cache));
  }
  return dir;
}

export function removeRunDataDir(dir: string): void {
  if (path.dirname(dir) !== RUNS) throw new Error(`${dir} is not an e2e run directory`);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The template of `conversations` calls, seeded on first use by the project's own seed script.
 * It is seeded under a temporary name and renamed into place, so two runs starting together on
 * a fresh machine each see either no template or a whole one (they seed the same rows).
 */
function seededTemplate(conversations: number): string {
  const dir = path.join(ROOT, `demo-${conversations}`);
  const file = path.join(dir, 'demo.sqlite');
  for (const cache of CACHES) mkdirSync(path.join(dir, cache), { recursive: true });
  if (existsSync(file)) return dir;
  const temporary = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  const seeded = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/db/seed-cli.ts',
      '--count',
      String(conversations),
      '--out',
      temporary,
    ],
    { encoding: 'utf8' },
  );
  if (seeded.status !== 0) {
    rmSync(temporary, { force: true });
    throw new Error(`seeding ${file} failed: ${seeded.stderr || seeded.stdout}`);
  }
  renameSync(temporary, file);
  return dir;
}

function removeAbandonedRunDirs(): void {
  if (!existsSync(RUNS)) return;
  for (const name of readdirSync(RUNS)) {
    const owner = Number(name.split('-')[0]);
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner))
      rmSync(path.join(RUNS, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
