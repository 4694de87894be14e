import { NOT_AUTHENTICATED } from '../../../contract';
import type { ApiAnswer } from '../client';
import { ensure, excerpt, type Check } from '../check';

/** FastAPI answers 401, or 403 before 0.122; both mean "not signed in". */
function refused(answer: ApiAnswer, what: string): string[] {
  ensure(
    answer.status === 401 || answer.status === 403,
    `${what}: expected 401 or 403, got ${answer.status} (${excerpt(answer.text)})`,
  );
  const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
  ensure(
    typeof detail === 'string',
    `${what}: expected a body {"detail": "…"}, got ${excerpt(answer.text)}`,
  );
  return [`${answer.status} ${JSON.stringify(detail)}`];
}

export const authChecks: Check[] = [
  {
    area: 'auth',
    level: 'contract',
    title: 'a request without a token is refused',
    run: async ({ client }) =>
      refused(await client.get('/v1/conversations?limit=1', 'none'), 'no token'),
  },
  {
    area: 'auth',
    level: 'contract',
    title: 'a malformed Authorization header is refused',
    run: async ({ client }) =>
      refused(await client.get('/v1/conversations?limit=1', 'malformed'), 'malformed header'),
  },
  {
    area: 'auth',
    level: 'contract',
    title: 'a wrong token is refused',
    run: async ({ client }) =>
      refused(await client.get('/v1/conversations?limit=1', 'wrong'), 'wrong token'),
  },
  {
    area: 'auth',
    level: 'project',
    title: 'a missing token gets 401 "Not authenticated" with WWW-Authenticate: Bearer',
    async run({ client }) {
      const answer = await client.get('/v1/conversations?limit=1', 'none');
      ensure(answer.status === 401, `got ${answer.status} (FastAPI before 0.122 answered 403)`);
      ensure(
        (answer.json as { detail?: unknown } | undefined)?.detail === NOT_AUTHENTICATED,
        `detail was ${excerpt(answer.text)}`,
      );
      ensure(
        /^bearer/i.test(answer.headers.get('www-authenticate') ?? ''),
        'no WWW-Authenticate: Bearer',
      );
    },
  },
];
