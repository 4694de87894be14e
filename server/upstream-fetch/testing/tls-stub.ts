import { createServer, type Server } from 'node:https';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SeenRequest } from './stub-server';
import { TEST_CERT, TEST_KEY } from './test-cert';

export interface TlsStub {
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** An https server on 127.0.0.1:0 with the test certificate, recording what it receives. */
export async function startTlsStub(
  handler: (request: SeenRequest, response: ServerResponse) => void,
): Promise<TlsStub> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer({ cert: TEST_CERT, key: TEST_KEY }, (request, response) => {
    const record: SeenRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: '',
    };
    seen.push(record);
    handler(record, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
