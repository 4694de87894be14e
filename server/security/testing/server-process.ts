import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const APP_MAIN = path.resolve(import.meta.dirname, '../../main.ts');
export const DEMO_API_MAIN = path.resolve(import.meta.dirname, '../../api/main.ts');

export interface ServerProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first output line matching `pattern` (already written or still to come). */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string | null>;
  /** SIGKILL now, as a crash would; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * A server entry point (`server/main.ts` or `server/api/main.ts`) in its own Node process under
 * the tsx loader, with `env` on top of this process's environment (but for DATABASE_URL).
 */
export function startServerProcess(script: string, env: Record<string, string>): ServerProcess {
  // A suite run under scripts/with-postgres.sh keeps its servers on SQLite unless a test asks
  // for PostgreSQL itself: servers sharing one database's schema would sync over each other.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...inherited, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      const line = output.split('\n').find((candidate) => waiter.pattern.test(candidate));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const line = output.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) return resolve(line);
      waiters.push({ pattern, resolve });
      void exited.then((code) =>
        reject(new Error(`exited (${code}) before printing ${pattern}:\n${output}`)),
      );
    });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    child,
    output: () => output,
    waitForLine,
    exited,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
