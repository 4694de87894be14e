import { describe, expect, it } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { createPlaybackClock } from './playback-clock';
import { createPlayerControls } from './player-controls';

/**
 * A media element that is mid-seek (readyState HAVE_METADATA), wrapped the way wavesurfer 8 wraps
 * it: below HAVE_FUTURE_DATA a time is only kept as pending, and the element's next "seeking"
 * event drops a pending time that differs from its own.
 */
function seekingSurfer() {
  const media = document.createElement('audio');
  let readyState: number = HTMLMediaElement.HAVE_METADATA;
  let currentTime = 0;
  let pending: number | null = null;
  Object.defineProperty(media, 'readyState', { get: () => readyState });
  Object.defineProperty(media, 'duration', { get: () => 140 });
  Object.defineProperty(media, 'currentTime', {
    get: () => currentTime,
    set: (next: number) => {
      currentTime = next;
    },
  });
  const surfer = {
    getDuration: () => 140,
    getMediaElement: () => media,
    getCurrentTime: () => pending ?? currentTime,
    setTime(seconds: number) {
      if (readyState < HTMLMediaElement.HAVE_FUTURE_DATA) pending = seconds;
      else currentTime = seconds;
    },
  };
  return {
    surfer: surfer as unknown as WaveSurfer,
    media,
    /** The queued events of the earlier seek arrive, then the element can play again. */
    settle() {
      if (pending !== null && Math.abs(currentTime - pending) > 0.01) pending = null;
      readyState = HTMLMediaElement.HAVE_ENOUGH_DATA;
      if (pending !== null) currentTime = pending;
      pending = null;
    },
  };
}

describe('createPlayerControls', () => {
  it('keeps a skip pressed while the element is still seeking', () => {
    const { surfer, media, settle } = seekingSurfer();
    media.currentTime = 5;
    const clock = createPlaybackClock();
    const controls = createPlayerControls({
      surfer: { current: surfer },
      regions: { current: null },
      clock,
      setState: () => undefined,
    });
    controls.skip(-5);
    expect(clock.get()).toBe(0);
    settle();
    expect(media.currentTime).toBe(0);
    expect(surfer.getCurrentTime()).toBe(0);
  });

  it('clamps a skip to the recording', () => {
    const { surfer, settle } = seekingSurfer();
    const clock = createPlaybackClock();
    const controls = createPlayerControls({
      surfer: { current: surfer },
      regions: { current: null },
      clock,
      setState: () => undefined,
    });
    controls.skip(500);
    settle();
    expect(surfer.getCurrentTime()).toBe(140);
    controls.skip(-500);
    expect(clock.get()).toBe(0);
  });

  it('goes up to 2.5× a step at a time, always keeping the pitch', () => {
    let rate = 2;
    const calls: [number, boolean | undefined][] = [];
    const surfer = {
      getPlaybackRate: () => rate,
      setPlaybackRate(next: number, preservePitch?: boolean) {
        rate = next;
        calls.push([next, preservePitch]);
      },
    } as unknown as WaveSurfer;
    const controls = createPlayerControls({
      surfer: { current: surfer },
      regions: { current: null },
      clock: createPlaybackClock(),
      setState: () => undefined,
    });
    controls.stepRate(1);
    controls.stepRate(1);
    controls.stepRate(-1);
    expect(calls).toEqual([
      [2.5, true],
      [2.5, true],
      [2, true],
    ]);
  });
});
