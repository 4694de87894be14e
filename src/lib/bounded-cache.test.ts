import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBoundedCache } from './bounded-cache';

describe('createBoundedCache', () => {
  it('evicts the least recently used entry and hands it to onEvict', () => {
    const onEvict = vi.fn();
    const cache = createBoundedCache<string, number>(2, onEvict);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // now "b" is the oldest
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(onEvict).toHaveBeenCalledWith(2, 'b');
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('builds a value once on a miss, and take() hands it over without evicting it', () => {
    const onEvict = vi.fn();
    const cache = createBoundedCache<string, object>(3, onEvict);
    const create = vi.fn(() => ({}));
    const first = cache.getOrCreate('x', create);
    expect(cache.getOrCreate('x', create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
    expect(cache.take('x')).toBe(first);
    expect(cache.has('x')).toBe(false);
    expect(onEvict).not.toHaveBeenCalled();
  });

  it('never holds more than max entries, whatever the sequence of writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(20)), (max, keys) => {
        const cache = createBoundedCache<number, number>(max);
        for (const key of keys) cache.set(key, key);
        expect(cache.size).toBeLessThanOrEqual(max);
        const last = keys.at(-1);
        if (last !== undefined) expect(cache.get(last)).toBe(last);
      }),
    );
  });

  it('refuses a size that cannot hold anything', () => {
    expect(() => createBoundedCache(0)).toThrow(RangeError);
  });
});
