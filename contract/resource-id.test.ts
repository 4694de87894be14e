import { describe, expect, it } from 'vitest';
import { isValidResourceId } from './resource-id';

describe('isValidResourceId', () => {
  it('accepts the ids Trata and the demo use, spaces and unicode included', () => {
    for (const id of ['con.1731.abc', 'pro.1 b', 'a..b', '...', 'Jürgen', '42', 'x'.repeat(256)]) {
      expect(isValidResourceId(id), id).toBe(true);
    }
  });

  it('refuses dot segments, slashes, control characters and the empty or overlong id', () => {
    for (const id of [
      '',
      '.',
      '..',
      'a/b',
      '/',
      'a\\b',
      'a\u0000b',
      '\u0000',
      'a\nb',
      'x'.repeat(257),
    ]) {
      expect(isValidResourceId(id), JSON.stringify(id)).toBe(false);
    }
  });
});
