import { spawn, type ChildProcess } from 'node:child_process';

/** A server started as a child process (Node with the tsx loader), stopped with its parent. */
export interface NodeProcess {
  readonly name: string;
  readonly pid: number;
  readonly exited: boolean;
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would: no shutdown hook runs. */
  kill(): Promise<void>;
  /** The last lines it wrote to stderr, to explain a failure. */
  stderrTail(): string;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Whatever happens to this process, its children do not outlive it. */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export async function startNodeProcess(options: {
  name: string;
  script: string;
  env: Record<string, string>;
  /** A URL that answers below 500 once the server is up. */
  readyUrl: string;
  /** Pass its output through, prefixed with the name (for `npm run cluster`). */
  echo?: boolean;
  timeoutMs?: number;
}): Promise<NodeProcess> {
  installExitHook();
  // Node itself with the tsx loader, not npx: a signal to the child reaches the server.
  const child = spawn(process.execPath, ['--import', 'tsx', options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.echo ? 'pipe' : 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${options.name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
    if (options.echo) process.stderr.write(prefix(chunk));
  });
  const handle: NodeProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    async stop() {
      if (handle.exited) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(force);
    },
    async kill() {
      if (handle.exited) return;
      child.kill('SIGKILL');
      await exited;
    },
    stderrTail: () => stderr,
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (handle.exited) throw new Error(`${options.name} exited while starting:\n${stderr}`);
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status < 500) return handle;
    } catch {
      // not listening yet
    }
    // Polling a starting server until it answers.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await handle.stop();
  throw new Error(`${options.name} did not answer ${options.readyUrl} in time:\n${stderr}`);
}
