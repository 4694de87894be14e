import { createServer, type Server } from 'node:http';
import { E2E_STORAGE_PORT } from './e2e-env';

/**
 * A storage host whose every file is damaged: a 200 with an MP3 content type and bytes that are
 * not audio, as when an upload was cut short and overwritten with junk.
 */
export async function startDamagedStorage(): Promise<{ close(): Promise<void> }> {
  const junk = Buffer.from('this is not an mp3 file at all '.repeat(200));
  const server: Server = createServer((request, response) => {
    response.writeHead(200, {
      'content-type': 'audio/mpeg',
      'content-length': junk.length,
      'accept-ranges': 'none',
    });
    response.end(request.method === 'HEAD' ? undefined : junk);
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
