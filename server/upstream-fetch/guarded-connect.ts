import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction, Socket } from 'node:net';
import { buildConnector } from 'undici';
import { stripBrackets } from './address-policy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Resolves a host name to its addresses. Tests inject their own. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

export class AddressRefused extends Error {
  readonly code = 'ERR_ADDRESS_REFUSED';
}

/**
 * A `lookup` for the socket itself: the addresses it returns are the ones connected to, so a
 * host that answers DNS with a public address once and a private one the next time (rebinding)
 * is judged on the answer actually used.
 */
export function guardedLookup(
  resolve: Resolver,
  allowed: (address: string) => boolean,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((entry) => !allowed(entry.address));
        if (addresses.length === 0 || refused) {
          const reason = refused ? 'resolves to a private or reserved address' : 'does not resolve';
          callback(new AddressRefused(`${hostname} ${reason}`), '', 4);
          return;
        }
        if (options.all) {
          // The `all` form is typed as a single-address callback by @types/node.
          (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}

export interface GuardedConnectorOptions {
  connectTimeoutMs: number;
  resolve: Resolver;
  allowed: (address: string) => boolean;
  /** Origins the operator configured: they skip the address rules, nothing else does. */
  isTrustedOrigin: (origin: string) => boolean;
  ca?: string;
}

/**
 * An undici connector that resolves through `guardedLookup` and checks the peer address of the
 * connected socket once more, so an IP literal or a resolver surprise cannot slip past.
 */
export function guardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const tls = options.ca ? { ca: options.ca } : {};
  const trusted = buildConnector({ timeout: options.connectTimeoutMs, ...tls });
  const guarded = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(options.resolve, options.allowed),
    ...tls,
  });
  return (connectOptions, callback) => {
    const port = connectOptions.port ? `:${connectOptions.port}` : '';
    // Through URL, so a default port (https://host:443) compares equal to https://host.
    const origin = new URL(`${connectOptions.protocol}//${connectOptions.hostname}${port}`).origin;
    if (options.isTrustedOrigin(origin)) return trusted(connectOptions, callback);
    guarded(connectOptions, (error, socket) => {
      if (error) return callback(error, null);
      const peer = stripBrackets((socket as Socket).remoteAddress ?? '');
      if (!options.allowed(peer)) {
        (socket as Socket).destroy();
        return callback(
          new AddressRefused(`${connectOptions.hostname} connected to a refused address`),
          null,
        );
      }
      callback(null, socket as Socket);
    });
  };
}
