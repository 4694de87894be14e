import { describe, expect, it } from 'vitest';
import { HttpProblem } from './fastapi-errors';
import { decodeJsonBody } from './json-body';

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
  }
  throw new Error('expected a 422');
};

describe('decodeJsonBody', () => {
  it('returns the text of valid, shallow JSON, brackets inside strings included', () => {
    const text = JSON.stringify({ a: [{ b: '[[[[{{{{ "\\" ' }], é: 'ünïcode 🙂' });
    expect(decodeJsonBody(Buffer.from(text), 3)).toBe(text);
  });

  it('refuses nesting past the limit with a FastAPI 422', () => {
    const problem = problemOf(() => decodeJsonBody(Buffer.from('[[[[]]]]'), 3));
    expect(problem.statusCode).toBe(422);
    expect(problem.body.detail).toEqual([
      expect.objectContaining({ type: 'json_invalid', loc: ['body', 3], msg: 'JSON decode error' }),
    ]);
  });

  it('refuses half a million levels at once', () => {
    const body = Buffer.from(`${'['.repeat(500_000)}${']'.repeat(500_000)}`);
    expect(problemOf(() => decodeJsonBody(body)).statusCode).toBe(422);
  });

  it('refuses invalid UTF-8 instead of replacing it', () => {
    const body = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    expect(problemOf(() => decodeJsonBody(body)).message).toBe('Request validation failed');
  });
});
