import { describe, expect, it, vi } from 'vitest';
import { createActiveStore } from './active-store';

describe('createActiveStore', () => {
  it('wakes only the bubbles that stop or start being active', () => {
    const store = createActiveStore(2);
    const listeners = [0, 1, 2, 3].map((index) => {
      const listener = vi.fn();
      store.subscribeIndex(index, listener);
      return listener;
    });
    const any = vi.fn();
    store.subscribe(any);

    store.set(3);
    expect(listeners.map((listener) => listener.mock.calls.length)).toEqual([0, 0, 1, 1]);
    expect(any).toHaveBeenCalledWith(3);
    expect(store.get()).toBe(3);

    store.set(3);
    expect(any).toHaveBeenCalledTimes(1);
  });

  it('stops notifying after unsubscribe', () => {
    const store = createActiveStore();
    const listener = vi.fn();
    const off = store.subscribeIndex(1, listener);
    off();
    store.set(1);
    expect(listener).not.toHaveBeenCalled();
    expect(store.get()).toBe(1);
  });
});
