import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWaitAtMost } from './use-wait-at-most';

describe('useWaitAtMost', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits while asked, and stops when the wait ends', () => {
    const { result, rerender } = renderHook(({ waiting }) => useWaitAtMost(waiting, 1_000), {
      initialProps: { waiting: true },
    });
    expect(result.current).toBe(true);
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(true);
    rerender({ waiting: false });
    expect(result.current).toBe(false);
  });

  it('gives up waiting after the limit', () => {
    const { result } = renderHook(() => useWaitAtMost(true, 1_000));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(false);
  });

  it('never waits when nothing is pending', () => {
    const { result } = renderHook(() => useWaitAtMost(false, 1_000));
    expect(result.current).toBe(false);
  });
});
