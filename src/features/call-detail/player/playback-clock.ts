/**
 * The current playback time as a tiny external store: the clock display subscribes to it, so a
 * `timeupdate` re-renders a few characters, not the page.
 */
export function createPlaybackClock() {
  let time = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => time,
    set(next: number) {
      if (next === time) return;
      time = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type PlaybackClock = ReturnType<typeof createPlaybackClock>;
