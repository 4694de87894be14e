import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * `npm run test:stress`: the e2e suite, and the server tests whose outcome depends on timing,
 * several times in a row while CPU burners compete for the cores, as on a busy laptop or a
 * shared CI runner. A flaky test shows up here rather than in someone else's merge. Builds once
 * first; prints each run's pass count and the failures by name; exits 1 on any failure.
 *
 *   npm run test:stress -- [--runs 3] [--burners 2] [--skip-server] [--skip-e2e]
 */
const SERVER_TIMING_TESTS = [
  // Closes while a request is in flight.
  'server/app-server/graceful-shutdown.test.ts',
  // Upstream total and connect timeouts, an aborted browser request.
  'server/app-server/forward-routes.test.ts',
  // Recording fetch header and transfer timeouts.
  'server/upstream-fetch/recording-fetch.test.ts',
  // Synthesis and peaks on worker threads, concurrent first requests.
  'server/recordings/recordings.test.ts',
  'server/workers/worker-pool.test.ts',
  'server/recordings/recording-cache.test.ts',
  // Searches on a worker thread beside writes; a process killed right after a write.
  'server/db/search-worker.test.ts',
  'server/db/conversation-store.test.ts',
  // Sign-in failures limited per window, session expiry; the real server process starting.
  'server/security/sign-in.test.ts',
  'server/security/exposure-process.test.ts',
];

const optionsSchema = z.object({
  runs: z.coerce.number().int().positive().max(50),
  burners: z.coerce.number().int().min(0).max(16),
  'skip-server': z.boolean(),
  'skip-e2e': z.boolean(),
});

interface SuiteResult {
  suite: 'e2e' | 'server';
  passed: number;
  total: number;
  failures: string[];
  seconds: number;
}

const bin = (name: string) => path.resolve('node_modules/.bin', name);
const running = new Set<ChildProcess>();
const burners: ChildProcess[] = [];
let interrupted = false;

function startBurners(count: number): void {
  // Busy in short slices, so a burner notices when this script is gone (its parent changes)
  // and stops even if this script was killed without a chance to stop it.
  const script = `const parent = process.ppid;
    for (;;) { const until = Date.now() + 200; while (Date.now() < until) {} if (process.ppid !== parent) process.exit(0); }`;
  for (let i = 0; i < count; i++)
    burners.push(spawn(process.execPath, ['-e', script], { stdio: 'ignore' }));
}

function stopBurners(): void {
  for (const burner of burners.splice(0)) if (burner.exitCode === null) burner.kill('SIGKILL');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so an interrupt reaches the servers its tests started too.
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, ...env },
      detached: true,
    });
    running.add(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function runE2e(reportDir: string, index: number): Promise<SuiteResult> {
  const report = path.join(reportDir, `e2e-${index}.json`);
  const started = performance.now();
  // No retries: a test that needs one is what this run is looking for.
  await run(bin('playwright'), ['test', '--retries=0', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  });
  const seconds = (performance.now() - started) / 1000;
  return { suite: 'e2e', seconds, ...readPlaywrightReport(report) };
}

async function runServer(reportDir: string, index: number): Promise<SuiteResult> {
  const report = path.join(reportDir, `server-${index}.json`);
  const started = performance.now();
  await run(bin('vitest'), [
    'run',
    '--project',
    'server',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...SERVER_TIMING_TESTS,
  ]);
  const seconds = (performance.now() - started) / 1000;
  return { suite: 'server', seconds, ...readVitestReport(report) };
}

type Counts = Pick<SuiteResult, 'passed' | 'total' | 'failures'>;

const playwrightReportSchema = z.object({
  suites: z.array(z.unknown()),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string }[] }[];
}

function readPlaywrightReport(file: string): Counts {
  const parsed = playwrightReportSchema.safeParse(readJson(file));
  if (!parsed.success) return { passed: 0, total: 0, failures: [`no e2e report at ${file}`] };
  const counts: Counts = { passed: 0, total: 0, failures: [] };
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        counts.total += 1;
        // "flaky" passed only on a retry: with --retries=0 it cannot happen, but it counts as a failure.
        if (test.status === 'expected' || test.status === 'skipped') counts.passed += 1;
        else
          counts.failures.push(
            `${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`,
          );
      }
    }
    for (const child of suite.suites ?? [])
      visit(child, child.title ? [...titles, child.title] : titles);
  };
  for (const suite of parsed.data.suites as PlaywrightSuite[]) visit(suite, []);
  for (const error of parsed.data.errors)
    counts.failures.push(`e2e run error: ${(error.message ?? '').split('\n')[0]}`);
  return counts;
}

const vitestReportSchema = z.object({
  numTotalTests: z.number(),
  numPassedTests: z.number(),
  numPendingTests: z.number().default(0),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});

function readVitestReport(file: string): Counts {
  const parsed = vitestReportSchema.safeParse(readJson(file));
  if (!parsed.success) return { passed: 0, total: 0, failures: [`no server report at ${file}`] };
  const failures: string[] = [];
  for (const result of parsed.data.testResults) {
    const name = path.relative(process.cwd(), result.name);
    const failed = result.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) failures.push(`${name} › ${test.fullName}`);
    // A file that failed outside any test (a hook, an import).
    if (result.status === 'failed' && failed.length === 0)
      failures.push(`${name}: ${(result.message ?? 'failed').split('\n')[0]}`);
  }
  const { numPassedTests, numPendingTests, numTotalTests } = parsed.data;
  return { passed: numPassedTests + numPendingTests, total: numTotalTests, failures };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const duration = (seconds: number) =>
  `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)
    .toString()
    .padStart(2, '0')} s`;
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function describeResult(result: SuiteResult): string {
  return `${result.suite} ${result.passed}/${result.total} passed in ${duration(result.seconds)}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      burners: { type: 'string', default: '2' },
      'skip-server': { type: 'boolean', default: false },
      'skip-e2e': { type: 'boolean', default: false },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(
      `Invalid arguments: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
    return 2;
  }
  const options = parsed.data;
  const started = performance.now();

  if (!options['skip-e2e']) {
    console.log('test:stress: building the app once');
    if ((await run(bin('vite'), ['build'])) !== 0) {
      console.error('test:stress: the build failed');
      return 1;
    }
  }

  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-stress-'));
  const results: SuiteResult[][] = [];
  try {
    startBurners(options.burners);
    console.log(`test:stress: ${options.burners} CPU burners running; load average ${load()}`);
    for (let index = 1; index <= options.runs && !interrupted; index++) {
      console.log(`\ntest:stress: run ${index} of ${options.runs}`);
      const runResults: SuiteResult[] = [];
      if (!options['skip-server']) runResults.push(await runServer(reportDir, index));
      if (!options['skip-e2e'] && !interrupted) runResults.push(await runE2e(reportDir, index));
      // A run cut short by Ctrl+C has no complete report to count.
      if (interrupted) break;
      results.push(runResults);
      console.log(
        `test:stress: run ${index}: ${runResults.map(describeResult).join('; ')}; load average ${load()}`,
      );
    }
  } finally {
    stopBurners();
    rmSync(reportDir, { recursive: true, force: true });
  }

  const wall = (performance.now() - started) / 1000;
  const failedRuns = results.filter((run) => run.some((result) => result.failures.length > 0));
  console.log('\ntest:stress summary');
  results.forEach((runResults, index) => {
    console.log(`  run ${index + 1}: ${runResults.map(describeResult).join('; ')}`);
    for (const result of runResults)
      for (const failure of result.failures) console.log(`    FAILED ${result.suite}: ${failure}`);
  });
  console.log(
    `  ${results.length - failedRuns.length} of ${options.runs} runs passed under ${options.burners} CPU burners; ` +
      `${results.flat().reduce((sum, result) => sum + result.failures.length, 0)} failures; ` +
      `wall time ${duration(wall)}; load average ${load()} on ${os.cpus().length} cores`,
  );
  if (interrupted) {
    console.log(`  interrupted during run ${results.length + 1}; burners stopped`);
    return 130;
  }
  return failedRuns.length === 0 && results.length === options.runs ? 0 : 1;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

// Ctrl+C: stop the burners, pass the signal on to the running suite's group, report what ran.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    stopBurners();
    for (const child of running) killGroup(child, signal);
  });
}
process.on('exit', stopBurners);

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    stopBurners();
    console.error('test:stress failed:', error);
    process.exit(1);
  },
);
