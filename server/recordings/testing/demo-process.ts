import type { Conversation } from '../../../contract';
import {
  DEMO_API_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../../security/testing/server-process';

export const DEMO_TOKEN = 'recordings-process-token';

export interface DemoProcess {
  server: ServerProcess;
  origin: string;
  /** Stores a conversation whose recording lives on this demo API. */
  post(conversation: Conversation): Promise<void>;
  /** `GET /recordings/<file>`: the status, the body and the content type. */
  get(file: string, init?: RequestInit): Promise<{ status: number; body: Buffer; type: string }>;
}

/**
 * The demo API (`npm run api`) in its own process over `dataDir`, logging at `warn`: the cache's
 * reports (damaged files, refused writes, stopped work) are lines in `server.output()`.
 */
export async function startDemoProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<DemoProcess> {
  const port = await freePort();
  const server = startServerProcess(DEMO_API_MAIN, {
    DATA_DIR: dataDir,
    DEMO_API_PORT: String(port),
    DEMO_API_TOKEN: DEMO_TOKEN,
    DEMO_CONVERSATIONS: '1',
    LOG_LEVEL: 'info',
    ...env,
  });
  await server.waitForLine(/Demo Trata API on/);
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    async post(conversation) {
      const response = await fetch(`${origin}/v1/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          ...conversation,
          transcriptRecordingUrl: `${origin}/recordings/${conversation.id}.mp3`,
        }),
      });
      if (response.status !== 200 && response.status !== 409)
        throw new Error(`POST answered ${response.status}: ${await response.text()}`);
    },
    async get(file, init) {
      const response = await fetch(`${origin}/recordings/${file}`, init);
      return {
        status: response.status,
        body: Buffer.from(await response.arrayBuffer()),
        type: response.headers.get('content-type') ?? '',
      };
    },
  };
}
