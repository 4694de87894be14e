import path from 'node:path';
import { z } from 'zod';
import type { HttpLimits } from './security/http-limits';

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();

/**
 * The server's configuration, read from the environment once at start. A bad value stops the
 * server with a message that names every bad variable.
 */
export const configSchema = z
  .object({
    PORT: port.default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DEMO_CONVERSATIONS: positiveInt.max(5_000_000).default(2_000),
    DEMO_API_TOKEN: z
      .string()
      .min(8, 'must be at least 8 characters')
      .default('callscope-demo-token'),
    DEMO_API_PORT: port.default(8081),
    TRATA_API_URL: z.url({ protocol: /^https?$/ }).optional(),
    TRATA_API_TOKEN: z.string().min(1).optional(),
    UPSTREAM_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
    UPSTREAM_TIMEOUT_MS: positiveInt.default(20_000),
    RECORDING_HOSTS: z
      .string()
      .default('storage.googleapis.com')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
    // Exact origins (scheme, host and port) whose recordings skip the https and public-address
    // rules: storage you run yourself on a private network, or a local demo API in tests.
    RECORDING_TRUSTED_ORIGINS: z
      .string()
      .default('')
      .transform((value, context) => {
        const origins: string[] = [];
        for (const item of value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)) {
          const origin = URL.canParse(item) ? new URL(item).origin : 'null';
          if (origin === 'null' || !/^https?:/.test(origin)) {
            context.addIssue({ code: 'custom', message: `${item} is not an http(s) origin` });
          } else origins.push(origin);
        }
        return origins;
      }),
    // The longest call the demo storage host makes a recording of; longer ones get a 422.
    RECORDING_MAX_SECONDS: positiveInt.max(7 * 86_400).default(14_400),
    HTTP_HEADERS_TIMEOUT_MS: positiveInt.max(600_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: positiveInt.max(3_600_000).default(30_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.max(600_000).default(5_000),
    MAX_CONNECTIONS_PER_ADDRESS: positiveInt.max(1_000_000).default(64),
    // How often the index asks the API for changes, and how often it re-reads every call.
    SYNC_INTERVAL_S: positiveInt.max(86_400).default(30),
    SYNC_RECONCILE_S: positiveInt.max(30 * 86_400).default(3_600),
    // The most rows one CSV export writes, and how many exports may run at once.
    EXPORT_MAX_ROWS: positiveInt.max(100_000_000).default(1_000_000),
    EXPORT_MAX_CONCURRENT: positiveInt.max(100).default(3),
    // PostgreSQL for the index, reviews, the outbox, sessions and rate limits, shared by every
    // replica; without it, SQLite files in DATA_DIR serve a single server.
    DATABASE_URL: z
      .string()
      .refine((value) => isPostgresUrl(value), {
        message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/callscope',
      })
      .optional(),
    // Connections each replica keeps at most: replicas times this must fit max_connections.
    DATABASE_POOL_MAX: positiveInt.max(1_000).default(10),
    // A request's statement is cancelled after this long (503 in words); 0 lifts the limit.
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .refine((env) => (env.TRATA_API_URL === undefined) === (env.TRATA_API_TOKEN === undefined), {
    message: 'TRATA_API_URL and TRATA_API_TOKEN must be set together',
    path: ['TRATA_API_TOKEN'],
  })
  .refine((env) => env.HTTP_HEADERS_TIMEOUT_MS <= env.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  });

function isPostgresUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== '';
}

/** The URL as it may be logged: the password, if any, replaced. */
export function redactDatabaseUrl(value: string): string {
  if (!URL.canParse(value)) return '(unreadable URL)';
  const url = new URL(value);
  if (url.password !== '') url.password = '***';
  for (const key of [...url.searchParams.keys()]) {
    if (/pass|secret|key/i.test(key)) url.searchParams.set(key, '***');
  }
  return url.toString();
}

export type Config = z.infer<typeof configSchema> & {
  dataDir: string;
  mode: 'demo' | 'upstream';
  httpLimits: HttpLimits;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    mode: parsed.data.TRATA_API_URL ? 'upstream' : 'demo',
    httpLimits: {
      headersTimeoutMs: parsed.data.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: parsed.data.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: parsed.data.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnectionsPerAddress: parsed.data.MAX_CONNECTIONS_PER_ADDRESS,
    },
  };
}
