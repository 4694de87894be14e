import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serializeCookie } from './cookies';
import type { DashboardUser } from './dashboard-users';
import { SESSION_COOKIE } from './identify';
import { hashPassword, parseHash, verifyPassword } from './password-hash';
import type { FailureLimiter } from './rate-limits';
import type { AuthConfig, SecurityConfig } from './security-config';
import { signSession } from './session-token';
import { renderSignInPage, safeNext, SIGN_IN_CSS } from './sign-in-page';

type PasswordAuth = Extract<AuthConfig, { mode: 'password' }>;
interface SignInForm {
  username?: string;
  password?: string;
  next?: string;
}

/** GET/POST /sign-in, POST /sign-out and the page's stylesheet (password mode only). */
export async function registerSignInRoutes(
  app: FastifyInstance,
  options: {
    auth: PasswordAuth;
    cookieSecure: SecurityConfig['cookieSecure'];
    failures: FailureLimiter;
  },
): Promise<void> {
  const { auth, failures } = options;
  // Unknown names are checked against a throwaway hash, so timing does not tell which names exist.
  const decoy = parseHash(await hashPassword(`decoy-${Math.random()}`))!;
  const secure = (request: FastifyRequest) =>
    options.cookieSecure === 'always' ||
    request.protocol === 'https' ||
    String(request.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https';

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    scope.get('/sign-in.css', (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(SIGN_IN_CSS),
    );

    scope.get<{ Querystring: { next?: string } }>('/sign-in', (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.dashboardUser) return reply.redirect(next, 303);
      return page(reply, 200, { next });
    });

    scope.post<{ Body: SignInForm }>('/sign-in', async (request, reply) => {
      const form = request.body ?? {};
      const next = safeNext(form.next);
      const username = typeof form.username === 'string' ? form.username.trim().slice(0, 64) : '';
      const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';
      const before = await failures(request, { increment: false });
      // A peek does not count this attempt, so the budget is spent once nothing remains.
      if (!before.isAllowed && before.remaining === 0) {
        const minutes = Math.ceil(before.ttlInSeconds / 60);
        return page(reply.header('retry-after', String(before.ttlInSeconds)), 429, {
          next,
          username,
          error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        });
      }
      const user: DashboardUser | undefined = auth.users.get(username);
      const valid = await verifyPassword(password, user?.hash ?? decoy);
      if (!user || !valid) {
        await failures(request);
        request.log.warn({ username }, 'failed sign-in');
        return page(reply, 401, { next, username, error: 'Wrong user name or password.' });
      }
      const exp = Math.floor(Date.now() / 1000) + auth.ttlSeconds;
      const token = signSession({ u: user.name, f: user.fingerprint, exp }, auth.secrets[0]!);
      reply.header(
        'set-cookie',
        serializeCookie(SESSION_COOKIE, token, {
          maxAgeSeconds: auth.ttlSeconds,
          secure: secure(request),
        }),
      );
      request.log.info({ username: user.name }, 'signed in');
      return reply.redirect(next, 303);
    });

    scope.post('/sign-out', (request, reply) =>
      reply
        .header(
          'set-cookie',
          serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secure(request) }),
        )
        .redirect('/sign-in', 303),
    );
  });
}

function page(
  reply: FastifyReply,
  status: number,
  options: Parameters<typeof renderSignInPage>[0],
) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderSignInPage(options));
}
