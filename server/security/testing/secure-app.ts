import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAppServer } from '../../app-server/create-app-server';
import { createUpstream } from '../../app-server/upstream';
import {
  sendJson,
  startStubServer,
  type StubServer,
} from '../../upstream-fetch/testing/stub-server';
import { loadSecurityConfig } from '../security-config';

export const UPSTREAM_TOKEN = 'secure-app-upstream-token-5d1c';

export interface SecureApp {
  app: FastifyInstance;
  upstream: StubServer;
  close(): Promise<void>;
}

/**
 * The real app server (a tiny built SPA, forwarding to a stub upstream) with the security layer
 * registered from `env`, the way main.ts wires it.
 */
export async function startSecureApp(env: Record<string, string>): Promise<SecureApp> {
  const upstream = await startStubServer((request, response) =>
    sendJson(response, 200, [{ id: 'c1', path: request.url }]),
  );
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-spa-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><meta property="csp-nonce" nonce="CALLSCOPE_CSP_NONCE"><div id="root"></div>',
  );
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const client = createUpstream({
    baseUrl: upstream.origin,
    token: UPSTREAM_TOKEN,
    timeoutMs: 5_000,
  });
  const security = loadSecurityConfig(env);
  const app = await createAppServer({ upstream: client, staticDir, security });
  app.get('/api/conversations/:id/recording', async () => 'mp3');
  await app.ready();
  return {
    app,
    upstream,
    async close() {
      await app.close();
      await client.close();
      await upstream.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** The cookie pair (`name=value`) from a Set-Cookie header. */
export function cookiePair(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (header ?? '').split(';')[0] ?? '';
}
