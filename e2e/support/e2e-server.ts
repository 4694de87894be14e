import path from 'node:path';
import { prepareRunDataDir, removeRunDataDir } from './e2e-data';

/**
 * The e2e run's app server (playwright.config.ts starts it): `server/main.ts` on a DATA_DIR of
 * this run's own, removed again when the server stops. E2E_DATA_DIR names a directory to use as
 * it is instead (kept afterwards).
 */
const E2E_CONVERSATIONS = 2_000;

const own = !process.env.E2E_DATA_DIR;
const dataDir = own
  ? prepareRunDataDir({ name: 'main', conversations: E2E_CONVERSATIONS })
  : path.resolve(process.env.E2E_DATA_DIR!);
if (own) process.once('exit', () => removeRunDataDir(dataDir));
process.env.DATA_DIR = dataDir;
process.env.DEMO_CONVERSATIONS = String(E2E_CONVERSATIONS);

await import('../../server/main');
