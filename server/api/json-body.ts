import { isUtf8 } from 'node:buffer';
import { validationProblem } from './fastapi-errors';

/** Deeper than any document of the contract needs (a conversation is about five levels deep). */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A JSON request body as text, checked before anything parses it: it must be valid UTF-8 (never
 * silently replaced) and nest no deeper than `maxDepth`. One pass over the bytes, no recursion,
 * stopping at the first problem, so a body of half a million `[` costs microseconds. A problem is
 * a FastAPI-shaped 422, like any other JSON decode error.
 */
export function decodeJsonBody(body: Buffer, maxDepth = MAX_JSON_DEPTH): string {
  if (!isUtf8(body)) throw jsonInvalid(0, 'the body is not valid UTF-8');
  const tooDeep = firstTooDeep(body, maxDepth);
  if (tooDeep !== -1) {
    throw jsonInvalid(tooDeep, `the body nests deeper than ${maxDepth} levels`);
  }
  return body.toString('utf8');
}

/** The offset where nesting first exceeds `maxDepth`, or -1. Strings are skipped. */
function firstTooDeep(body: Buffer, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let offset = 0; offset < body.length; offset++) {
    const byte = body[offset];
    if (inString) {
      if (byte === BACKSLASH) offset++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > maxDepth) return offset;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return -1;
}

function jsonInvalid(offset: number, reason: string) {
  return validationProblem([
    {
      type: 'json_invalid',
      loc: ['body', offset],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: reason },
    },
  ]);
}
