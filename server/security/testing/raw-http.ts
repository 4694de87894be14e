import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  text: string;
  /** Milliseconds from the connection to its close. */
  closedAfterMs: number;
}

/**
 * Writes `bytes` on a fresh TCP connection and reads until the server closes it. Nothing is
 * normalized or completed: a request can be malformed or stop half way, as an attacker's would.
 */
export function exchange(
  port: number,
  bytes: string | Buffer,
  options: { localAddress?: string } = {},
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port, localAddress: options.localAddress });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer still counts as closed by the server.
      if (error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () =>
      resolve({
        text: Buffer.concat(chunks).toString('utf8'),
        closedAfterMs: performance.now() - started,
      }),
    );
    socket.write(bytes);
  });
}

/** An open TCP connection, resolved once connected. */
export function openSocket(port: number, localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** The status code and lower-cased headers of a raw HTTP/1.1 response. */
export function parseHead(text: string): { status: number; headers: Map<string, string> } {
  const [head = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}
