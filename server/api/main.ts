import { ConfigError, loadConfig } from '../config';
import { ensureWritableDataDir } from '../data-dir';
import { startDemoApi } from '../demo/start-demo-api';

/** `npm run api`: the demo Trata-compatible API alone, on DEMO_API_PORT, bearer token required. */
async function main(): Promise<void> {
  const config = loadConfig();
  ensureWritableDataDir(config.dataDir);
  const demo = await startDemoApi(config, { level: config.LOG_LEVEL });
  demo.app.log.info(`Demo Trata API on ${demo.origin} (token from DEMO_API_TOKEN)`);
  demo.warmRecordings();
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
