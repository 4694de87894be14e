import { randomBytes } from 'node:crypto';
import { hashPassword } from './password-hash';
import { readPassword } from './read-password';

/**
 * `npm run hash-password -- <user name>`: asks for a password (twice, hidden, on a terminal; or
 * reads it from stdin) and prints the DASHBOARD_USERS entry. The password is never an argument,
 * so it stays out of shell history and the process list.
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!/^[\w.@+-]{1,64}$/.test(name)) {
    console.error('Usage: npm run hash-password -- <user name>   (letters, digits and ._@+- only)');
    console.error('       echo "$PASSWORD" | npm run hash-password -- <user name>');
    process.exit(2);
  }
  const password = await readPassword();
  if (password.length < 12) {
    console.error('Choose a password of at least 12 characters.');
    process.exit(1);
  }
  const entry = `${name}:${await hashPassword(password)}`;
  process.stdout.write(`${entry}\n`);
  if (process.stderr.isTTY) {
    process.stderr.write(
      [
        '',
        'Add it to DASHBOARD_USERS (comma-separated for several users), for example:',
        `  DASHBOARD_USERS=${entry}`,
        'and, once for all replicas, a session secret such as:',
        `  SESSION_SECRET=${randomBytes(32).toString('base64url')}`,
        '',
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
