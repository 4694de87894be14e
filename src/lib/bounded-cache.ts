/**
 * The SPA's one in-memory cache: at most `max` entries, the least recently used evicted first
 * (`onEvict` releases what an entry holds). Every memo the app keeps in a module goes through it,
 * so none of them grows without bound. Data from the API lives in TanStack Query, not here.
 */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  has(key: K): boolean;
  /** The value, built by `create` and kept on a miss. */
  getOrCreate(key: K, create: () => V): V;
  /** Removes the entry and returns its value, without calling `onEvict`: the caller now owns it. */
  take(key: K): V | undefined;
  readonly size: number;
}

export function createBoundedCache<K, V>(
  max: number,
  onEvict?: (value: V, key: K) => void,
): BoundedCache<K, V> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  // A Map iterates in insertion order; re-inserting on use keeps the least recent first.
  const entries = new Map<K, V>();
  const get = (key: K) => {
    if (!entries.has(key)) return undefined;
    const value = entries.get(key) as V;
    entries.delete(key);
    entries.set(key, value);
    return value;
  };
  const set = (key: K, value: V) => {
    entries.delete(key);
    entries.set(key, value);
    while (entries.size > max) {
      const [oldestKey, oldest] = entries.entries().next().value as [K, V];
      entries.delete(oldestKey);
      onEvict?.(oldest, oldestKey);
    }
  };
  return {
    get,
    set,
    has: (key) => entries.has(key),
    getOrCreate(key, create) {
      if (entries.has(key)) return get(key) as V;
      const value = create();
      set(key, value);
      return value;
    },
    take(key) {
      const value = entries.get(key);
      entries.delete(key);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
