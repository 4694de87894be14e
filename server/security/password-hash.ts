import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes for DASHBOARD_USERS: scrypt, stored as
 * `scrypt:<log2 N>:<r>:<p>:<salt>:<hash>` with base64url fields, so a hash contains no `$`, `,`
 * or `=` and survives shells, .env files and compose files unquoted.
 */
const DEFAULTS = { logN: 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const FORMAT = /^scrypt:(\d{1,2}):(\d{1,2}):(\d{1,2}):([\w-]{16,}):([\w-]{40,})$/;

export interface ParsedHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { logN, r, p } = DEFAULTS;
  const hash = await derive(password, salt, { logN, r, p });
  return ['scrypt', logN, r, p, salt.toString('base64url'), hash.toString('base64url')].join(':');
}

/** Null when the text is not a hash this module wrote (or its cost is out of a sane range). */
export function parseHash(text: string): ParsedHash | null {
  const match = FORMAT.exec(text.trim());
  if (!match) return null;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (logN < 14 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const hash = Buffer.from(match[5]!, 'base64url');
  if (hash.length !== KEY_LENGTH) return null;
  return { logN, r, p, salt: Buffer.from(match[4]!, 'base64url'), hash };
}

export async function verifyPassword(password: string, stored: ParsedHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored);
  return timingSafeEqual(candidate, stored.hash);
}

function derive(
  password: string,
  salt: Buffer,
  cost: { logN: number; r: number; p: number },
): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
