import { BlockList, isIP } from 'node:net';

/**
 * Addresses a recording fetch may never connect to unless their origin was configured as
 * trusted: loopback, private, carrier-grade NAT, link-local (which holds the cloud metadata
 * service, 169.254.169.254), unique-local, multicast, documentation and reserved ranges.
 */
const FORBIDDEN_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const FORBIDDEN_V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const forbidden = new BlockList();
for (const [network, prefix] of FORBIDDEN_V4) forbidden.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of FORBIDDEN_V6) forbidden.addSubnet(network, prefix, 'ipv6');

/** True when `address` (an IP literal) is a public unicast address. Anything else is false. */
export function isPublicAddress(address: string): boolean {
  const bare = stripBrackets(address).split('%')[0]!;
  const version = isIP(bare);
  if (version === 4) return !forbidden.check(bare, 'ipv4');
  if (version !== 6) return false;
  // IPv4-mapped (::ffff:a.b.c.d) is matched against the IPv4 rules by BlockList itself.
  if (forbidden.check(bare, 'ipv6')) return false;
  const embedded = embeddedIpv4(bare);
  return embedded === null || !forbidden.check(embedded, 'ipv4');
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * IPv4 addresses carried inside IPv6 ones that a router may translate to: NAT64
 * (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16) and IPv4-compatible (::/96).
 */
function embeddedIpv4(address: string): string | null {
  const words = ipv6Words(address);
  if (!words) return null;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  if (words[0] === 0x64 && words[1] === 0xff9b) return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  if (words.slice(0, 6).every((word) => word === 0)) return v4(words[6]!, words[7]!);
  return null;
}

/** The eight 16-bit words of an IPv6 literal (already validated by `isIP`). */
function ipv6Words(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((word) => parseInt(word, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}
