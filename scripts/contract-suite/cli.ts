import { parseArgs } from 'node:util';
import { formatReport } from './report';
import { runContractSuite } from './run-suite';

const USAGE = `Usage: npm run test:contract -- --base-url URL --token TOKEN [--allow-writes] [--json]

Checks a Trata-compatible API against the documented contract (scripts/contract-suite/trata-api.md).
Read-only unless --allow-writes: then it also updates one conversation's adminComments and puts
them back. The token may come from TRATA_API_TOKEN instead of --token (it stays out of the process
list and shell history that way). Exits 1 when a documented check fails.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'allow-writes': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const baseUrl = values['base-url'] ?? process.env.TRATA_API_URL;
  const token = values.token ?? process.env.TRATA_API_TOKEN;
  if (!baseUrl || !/^https?:\/\//.test(baseUrl) || !token) {
    console.error(USAGE);
    return 2;
  }
  const report = await runContractSuite({ baseUrl, token, allowWrites: values['allow-writes'] });
  const { sent: _sent, ...printable } = report;
  console.log(values.json ? JSON.stringify(printable, null, 2) : formatReport(report));
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
