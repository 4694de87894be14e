import net from 'node:net';
import { NO_REPLICA, type ReplicaTargets } from './replica-targets';

/**
 * Balancing each connection, as a layer-4 load balancer does: a client's connection is joined to
 * one replica's, round robin over the ready ones, and bytes flow both ways untouched. Nothing is
 * parsed, so a request costs the balancer a tenth of what reading and writing it again does. A
 * replica whose port is closed is passed over for the next one before any byte is sent, so
 * nothing is ever replayed; when none can be reached the client is told so in a 503. A client
 * that goes away closes its replica's connection, and a replica that closes its side (a deploy
 * draining it) closes the client's, which then reconnects to another.
 */
export function tcpForwarding(targets: ReplicaTargets) {
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  const join = (client: net.Socket, tries: string[]) => {
    const target = tries[0];
    if (!target) {
      client.end(unavailable());
      return;
    }
    const { hostname, port } = new URL(target);
    const replica = net.connect({
      host: hostname,
      port: Number(port),
      noDelay: true,
      allowHalfOpen: true,
    });
    track(replica);
    let joined = false;
    replica.once('connect', () => {
      joined = true;
      client.pipe(replica);
      replica.pipe(client);
    });
    replica.on('error', (error: NodeJS.ErrnoException) => {
      if (joined || client.destroyed) {
        client.destroy();
        return;
      }
      if (error.code === 'ECONNREFUSED') targets.markDown(target);
      join(client, tries.slice(1));
    });
    // An orderly end reaches the client through the pipe; a reset is passed on as one.
    replica.once('close', (hadError) => {
      if (joined && hadError) client.destroy();
    });
    client.once('close', () => replica.destroy());
  };

  return {
    // Half-open both ways: a client that ends its side after a request still gets the answer.
    server: net.createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
      track(client);
      // A client that resets is closed by its 'close'; the error itself says nothing more.
      client.on('error', () => client.destroy());
      join(client, targets.candidates());
    }),
    close: () => {
      for (const socket of open) socket.destroy();
    },
  };
}

function unavailable(): string {
  return [
    'HTTP/1.1 503 Service Unavailable',
    'content-type: application/json',
    'retry-after: 1',
    `content-length: ${Buffer.byteLength(NO_REPLICA)}`,
    'connection: close',
    '',
    NO_REPLICA,
  ].join('\r\n');
}
