import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serializeCookie } from './cookies';
import type { DashboardUser } from './dashboard-users';
import { readSession, SESSION_COOKIE } from './identify';
import { hashPassword, parseHash, verifyPassword } from './password-hash';
import type { FailureLimiter } from './rate-limits';
import type { AuthConfig, SecurityConfig } from './security-config';
import type { SessionRevocations } from './session-revocations';
import { signSession } from './session-token';
import { renderSignInPage, safeNext, SIGN_IN_CSS } from './sign-in-page';

type PasswordAuth = Extract<AuthConfig, { mode: 'password' }>;
interface SignInForm {
  username?: string;
  password?: string;
  next?: string;
}

/**
 * GET/POST /sign-in, POST /sign-out, POST /sign-out-everywhere and the page's stylesheet
 * (password mode only).
 */
export async function registerSignInRoutes(
  app: FastifyInstance,
  options: {
    auth: PasswordAuth;
    cookieSecure: SecurityConfig['cookieSecure'];
    failures: FailureLimiter;
    revocations: SessionRevocations;
  },
): Promise<void> {
  const { auth, failures, revocations } = options;
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
      const lockedFor = await failures.lockedFor(request);
      const user: DashboardUser | undefined =
        lockedFor === null ? auth.users.get(username) : undefined;
      // Always one password check, locked or not, so the answer's timing tells nothing.
      const valid = await verifyPassword(password, user?.hash ?? decoy);
      if (lockedFor !== null) {
        const minutes = Math.ceil(lockedFor / 60);
        return page(reply.header('retry-after', String(lockedFor)), 429, {
          next,
          username,
          error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        });
      }
      if (!user || !valid) {
        await failures.record(request);
        request.log.warn({ username }, 'failed sign-in');
        return page(reply, 401, { next, username, error: 'Wrong user name or password.' });
      }
      const now = Date.now();
      const exp = Math.floor(now / 1000) + auth.ttlSeconds;
      const sid = randomBytes(18).toString('base64url');
      const token = signSession(
        { u: user.name, f: user.fingerprint, exp, sid, iat: now },
        auth.secrets[0]!,
      );
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

    const signedOut = (request: FastifyRequest, reply: FastifyReply) =>
      reply
        .header(
          'set-cookie',
          serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secure(request) }),
        )
        .redirect('/sign-in', 303);

    // The cookie is cleared, and the session is denied until it would have expired, so a copy
    // of the cookie no longer works either.
    scope.post('/sign-out', async (request, reply) => {
      const session = readSession(request, auth);
      if (session) await revocations.revoke(session.sid, session.exp * 1000);
      return signedOut(request, reply);
    });

    // Every session of this user, on every browser, issued until now.
    scope.post('/sign-out-everywhere', async (request, reply) => {
      const user = request.dashboardUser;
      if (!user) return reply.code(401).send({ detail: 'Sign in to Callscope to continue.' });
      const now = Date.now();
      await revocations.revokeUser(user, now, now + auth.ttlSeconds * 1000);
      request.log.info({ username: user }, 'signed out everywhere');
      return signedOut(request, reply);
    });
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
