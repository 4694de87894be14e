import { createServer, type Server } from 'node:http';

export interface StartingServer {
  /** Frees the port for the app server. */
  close(): Promise<void>;
}

/**
 * Holds the port while the stores open (connecting to PostgreSQL, migrating), so a load
 * balancer sees a replica that is starting rather than one that is gone: `/healthz` answers
 * 200 (alive), `/readyz` and everything else 503 with a Retry-After.
 */
export async function listenWhileStarting(port: number, host: string): Promise<StartingServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const alive = path === '/healthz';
    response.writeHead(alive ? 200 : 503, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
      ...(alive ? {} : { 'retry-after': '5' }),
    });
    response.end(
      JSON.stringify(
        alive
          ? { status: 'starting', database: 'unknown' }
          : path === '/readyz'
            ? { status: 'starting' }
            : {
                detail: 'Callscope is starting (opening its database). Try again in a few seconds.',
              },
      ),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
