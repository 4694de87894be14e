import { isIP } from 'node:net';
import { stripBrackets } from './address-policy';
import { describeNetworkError } from './body';
import { AddressRefused } from './guarded-connect';
import { UpstreamError } from './upstream-error';

/**
 * Why a recording URL may not be fetched, or null when it may. The message names the host at
 * most: recording URLs are often signed, and their query strings must not reach a log or a page.
 */
export function refusalReason(
  text: string,
  policy: {
    allowedHosts: readonly string[];
    trusted: Set<string>;
    allowed: (address: string) => boolean;
  },
): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'it is not a valid URL';
  }
  if (url.username || url.password) return 'it carries credentials';
  if (policy.trusted.has(url.origin)) return null;
  if (url.protocol !== 'https:')
    return `only https is allowed, not ${url.protocol.replace(':', '')}`;
  const host = stripBrackets(url.hostname.toLowerCase());
  if (!policy.allowedHosts.some((pattern) => hostMatches(host, pattern))) {
    return `${host} is not an allowed recording host (RECORDING_HOSTS)`;
  }
  if (isIP(host) && !policy.allowed(host)) return `${host} is a private or reserved address`;
  return null;
}

/** `storage.googleapis.com` matches itself; `*.example.com` matches any subdomain of it. */
export function hostMatches(host: string, pattern: string): boolean {
  const wanted = stripBrackets(pattern.trim().toLowerCase());
  if (wanted.startsWith('*.'))
    return host.endsWith(wanted.slice(1)) && host.length > wanted.length - 1;
  return host === wanted;
}

export function toRefusal(reason: string): UpstreamError {
  return new UpstreamError(502, `The recording URL was refused: ${reason}.`);
}

/** A failed recording request as a 502/504 with the reason in words. */
export function toUpstreamError(error: unknown, host: string, timedOut: boolean): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const refused = findRefusal(error);
  if (refused) return toRefusal(refused.message);
  const code = describeNetworkError(error);
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new UpstreamError(504, `The recording host ${host} did not answer in time.`);
  }
  return new UpstreamError(502, `The recording host ${host} could not be reached (${code}).`);
}

function findRefusal(error: unknown): AddressRefused | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof AddressRefused) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
