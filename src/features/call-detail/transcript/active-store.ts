type Listener = () => void;

/**
 * Which bubble is playing, as a tiny store that notifies only the bubbles whose state changed:
 * a change of active bubble wakes the old and the new one, never the whole transcript.
 */
export function createActiveStore(initial = -1) {
  let active = initial;
  const byIndex = new Map<number, Set<Listener>>();
  const anyChange = new Set<(active: number) => void>();
  const notify = (index: number) => {
    for (const listener of byIndex.get(index) ?? []) listener();
  };
  return {
    get: () => active,
    set(next: number) {
      if (next === active) return;
      const previous = active;
      active = next;
      notify(previous);
      notify(next);
      for (const listener of anyChange) listener(next);
    },
    /** For one bubble: called only when that bubble becomes, or stops being, the active one. */
    subscribeIndex(index: number, listener: Listener) {
      let listeners = byIndex.get(index);
      if (!listeners) byIndex.set(index, (listeners = new Set()));
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) byIndex.delete(index);
      };
    },
    subscribe(listener: (active: number) => void) {
      anyChange.add(listener);
      return () => {
        anyChange.delete(listener);
      };
    },
  };
}

export type ActiveStore = ReturnType<typeof createActiveStore>;
