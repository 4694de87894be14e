import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from '../config';
import { parseDashboardUsers, type DashboardUser } from './dashboard-users';

const list = (value: string) =>
  value
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);
const perMinute = z.coerce.number().int().min(1).max(1_000_000);

/** The security settings, read from the environment beside the server's own configuration. */
const securityEnvSchema = z.object({
  DASHBOARD_USERS: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  SESSION_COOKIE_SECURE: z.enum(['auto', 'always']).default('auto'),
  AUTH_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name such as X-Forwarded-User')
    .transform((name) => name.toLowerCase())
    .optional(),
  AUTH_PROXY_TRUSTED_IPS: z.string().default('127.0.0.1,::1').transform(list),
  ALLOWED_HOSTS: z.string().default('').transform(list),
  RATE_LIMIT_API_PER_MINUTE: perMinute.default(600),
  RATE_LIMIT_RECORDINGS_PER_MINUTE: perMinute.default(600),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000).default(10),
  SIGN_IN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).max(1_000).default(10),
  SIGN_IN_MAX_FAILURES_GLOBAL: z.coerce.number().int().min(1).max(1_000_000).default(100),
});

export type AuthConfig =
  | { mode: 'none' }
  | { mode: 'password'; users: Map<string, DashboardUser>; secrets: string[]; ttlSeconds: number }
  | { mode: 'proxy'; header: string; trusted: BlockList };

export interface SecurityConfig {
  auth: AuthConfig;
  cookieSecure: 'auto' | 'always';
  /** Extra host names the server answers to when no sign-in is configured. */
  allowedHosts: string[];
  rateLimits: {
    apiPerMinute: number;
    recordingsPerMinute: number;
    /** Failed sign-ins per 15 minutes: per address, per user name, and for the server. */
    signInFailures: number;
    signInFailuresPerUser: number;
    signInFailuresGlobal: number;
  };
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = securityEnvSchema.safeParse(relevant);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success) throw configError(problems);
  const settings = parsed.data;
  const auth = readAuth(settings, problems);
  if (problems.length || !auth) throw configError(problems);
  return {
    auth,
    cookieSecure: settings.SESSION_COOKIE_SECURE,
    allowedHosts: settings.ALLOWED_HOSTS.map((host) => host.toLowerCase()),
    rateLimits: {
      apiPerMinute: settings.RATE_LIMIT_API_PER_MINUTE,
      recordingsPerMinute: settings.RATE_LIMIT_RECORDINGS_PER_MINUTE,
      signInFailures: settings.SIGN_IN_MAX_FAILURES,
      signInFailuresPerUser: settings.SIGN_IN_MAX_FAILURES_PER_USER,
      signInFailuresGlobal: settings.SIGN_IN_MAX_FAILURES_GLOBAL,
    },
  };
}

function readAuth(
  settings: z.infer<typeof securityEnvSchema>,
  problems: string[],
): AuthConfig | null {
  if (settings.DASHBOARD_USERS && settings.AUTH_PROXY_HEADER) {
    problems.push('DASHBOARD_USERS and AUTH_PROXY_HEADER: choose one sign-in mode');
    return null;
  }
  if (settings.DASHBOARD_USERS) {
    const users = parseDashboardUsers(settings.DASHBOARD_USERS);
    if ('problems' in users) problems.push(...users.problems.map((p) => `DASHBOARD_USERS: ${p}`));
    const secrets = list(settings.SESSION_SECRET ?? '');
    if (secrets.length === 0) {
      problems.push(
        'SESSION_SECRET: required with DASHBOARD_USERS (npm run hash-password prints one)',
      );
    } else if (secrets.some((secret) => secret.length < 32)) {
      problems.push('SESSION_SECRET: each secret must be at least 32 characters');
    }
    if (problems.length || 'problems' in users) return null;
    return {
      mode: 'password',
      users: users.users,
      secrets,
      ttlSeconds: Math.round(settings.SESSION_TTL_HOURS * 3600),
    };
  }
  if (settings.AUTH_PROXY_HEADER) {
    const trusted = new BlockList();
    for (const entry of settings.AUTH_PROXY_TRUSTED_IPS) {
      const [address = '', prefixText] = entry.split('/');
      const version = isIP(address);
      const prefix = prefixText === undefined ? (version === 6 ? 128 : 32) : Number(prefixText);
      if (
        !version ||
        !Number.isInteger(prefix) ||
        prefix < 0 ||
        prefix > (version === 6 ? 128 : 32)
      ) {
        problems.push(`AUTH_PROXY_TRUSTED_IPS: ${entry} is not an IP address or CIDR range`);
        continue;
      }
      trusted.addSubnet(address, prefix, version === 6 ? 'ipv6' : 'ipv4');
    }
    return problems.length ? null : { mode: 'proxy', header: settings.AUTH_PROXY_HEADER, trusted };
  }
  return { mode: 'none' };
}

function configError(problems: string[]): ConfigError {
  return new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
