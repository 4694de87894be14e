import { createHash, timingSafeEqual } from 'node:crypto';
import { NOT_AUTHENTICATED } from '../../contract';
import { HttpProblem } from './fastapi-errors';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * FastAPI's HTTPBearer: no header or a malformed one is "Not authenticated"; a wrong token is
 * refused too. Both are 401 with `WWW-Authenticate: Bearer`.
 */
export function createBearerCheck(token: string): (header: string | undefined) => void {
  const expected = digest(token);
  return (header) => {
    const match = header ? BEARER.exec(header) : null;
    if (!match) {
      throw new HttpProblem(401, { detail: NOT_AUTHENTICATED }, { 'www-authenticate': 'Bearer' });
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw new HttpProblem(
        401,
        { detail: 'Invalid authentication credentials' },
        { 'www-authenticate': 'Bearer' },
      );
    }
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
