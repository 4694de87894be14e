import { createHash } from 'node:crypto';
import { parseHash, type ParsedHash } from './password-hash';

export interface DashboardUser {
  name: string;
  hash: ParsedHash;
  /** Changes with the password, so a new password ends the sessions signed for the old one. */
  fingerprint: string;
}

const USER_NAME = /^[\w.@+-]{1,64}$/;

/**
 * `DASHBOARD_USERS`: `name:scrypt:…` entries separated by commas or new lines, as printed by
 * `npm run hash-password -- <name>`. Returns the users, or the problems in words.
 */
export function parseDashboardUsers(
  text: string,
): { users: Map<string, DashboardUser> } | { problems: string[] } {
  const users = new Map<string, DashboardUser>();
  const problems: string[] = [];
  const entries = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const name = colon === -1 ? '' : entry.slice(0, colon);
    const hashText = entry.slice(colon + 1);
    if (!USER_NAME.test(name)) {
      problems.push(
        `entry ${index + 1}: expected <name>:scrypt:… with a name of letters, digits or ._@+-`,
      );
      continue;
    }
    const hash = parseHash(hashText);
    if (!hash) {
      problems.push(`user ${name}: the hash is not one made by npm run hash-password`);
      continue;
    }
    if (users.has(name)) {
      problems.push(`user ${name} is listed twice`);
      continue;
    }
    const fingerprint = createHash('sha256')
      .update(hashText.trim())
      .digest('base64url')
      .slice(0, 12);
    users.set(name, { name, hash, fingerprint });
  }
  if (entries.length === 0) problems.push('no users are listed');
  return problems.length ? { problems } : { users };
}
