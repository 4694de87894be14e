import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
  stop(): Promise<void>;
}

/** Starts `<script>` under tsx with its own env and waits until `readyUrl` answers. */
export async function startServerProcess(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
): Promise<RunningProcess> {
  // Node itself with the tsx loader, not npx, so stopping the child stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
    try {
      const response = await fetch(readyUrl);
      if (response.status < 500) return { stop: () => stop(child) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop(child);
  throw new Error(`${script} did not become ready: ${stderr}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
