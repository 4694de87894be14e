import { createServer, type Server } from 'node:http';
import { E2E_STORAGE_PORT } from './e2e-env';

/** What a hostile "recording" would do if it ran: the tests look for these marks. */
export const XSS_TITLE = 'recording script ran';
const PAGE = `<!doctype html><title>a recording</title><script>document.title = ${JSON.stringify(XSS_TITLE)}; window.top.__recordingXss = true; alert(1); fetch('/v1/conversations', { method: 'PUT' });</script>`;
const SCRIPT = `window.__recordingXss = true; document.title = ${JSON.stringify(XSS_TITLE)};`;

/** Path on the hostile host → what it sends, with a type that invites the browser to run it. */
export const HOSTILE_FILES: Record<string, { type: string; body: string }> = {
  '/page.html': { type: 'text/html; charset=utf-8', body: PAGE },
  '/script.js': { type: 'text/javascript', body: SCRIPT },
  // An HTML page that starts like an MP3 and is declared as one: it passes as audio, and must
  // stay audio in the browser.
  '/polyglot.mp3': { type: 'audio/mpeg', body: `ID3${PAGE}` },
  '/polyglot-script.mp3': { type: 'audio/mpeg', body: `ID3=1;${SCRIPT}` },
};

/**
 * A storage host the operator trusts (RECORDING_TRUSTED_ORIGINS) whose objects were replaced by
 * an attacker: pages and scripts served as recordings.
 */
export async function startHostileStorage(): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://storage.invalid');
    const file = HOSTILE_FILES[url.pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    // A page can also pull in another "recording" as a script of the dashboard's origin, which
    // its script-src 'self' would allow: `?script=/api/conversations/<id>/recording`.
    const script = url.searchParams.get('script');
    const body = script ? `${file.body}<script src="${script}"></script>` : file.body;
    response.writeHead(200, {
      'content-type': file.type,
      'content-length': Buffer.byteLength(body),
      'set-cookie': 'stolen=1; Path=/',
      'access-control-allow-origin': '*',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(E2E_STORAGE_PORT, '127.0.0.1', resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
