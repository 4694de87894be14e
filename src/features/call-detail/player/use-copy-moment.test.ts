import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlaybackClock } from './playback-clock';
import { useCopyMoment } from './use-copy-moment';

describe('useCopyMoment', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('copies a ?t= link, confirms it for a while, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const clock = createPlaybackClock();
    clock.set(97.6);
    const { result, unmount } = renderHook(() => useCopyMoment(clock));
    await act(async () => result.current.copy());
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/[?&]t=97$/));
    expect(result.current.copied).toBe(true);
    act(() => vi.advanceTimersByTime(2000));
    expect(result.current.copied).toBe(false);
    await act(async () => result.current.copy());
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
