import type { Dispatch, RefObject, SetStateAction } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.js';
import type { PlaybackClock } from './playback-clock';
import type { PlayerState } from './use-wavesurfer';

/** The regions plugin instance (the module exports a factory, not a class). */
export type RegionsApi = ReturnType<typeof RegionsPlugin.create>;

export interface PlayerControls {
  toggle(): void;
  seek(seconds: number, options?: { play?: boolean }): void;
  skip(seconds: number): void;
  setRate(rate: number): void;
  /** One step slower (-1) or faster (+1) through RATES. */
  stepRate(direction: 1 | -1): void;
  setVolume(volume: number): void;
  markRegions(regions: readonly { start: number; end: number }[]): void;
}

/** Up to 2.5×: reviewers listen fast; `setPlaybackRate(rate, true)` keeps the pitch. */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5] as const;

interface ControlsDeps {
  surfer: RefObject<WaveSurfer | null>;
  regions: RefObject<RegionsApi | null>;
  clock: PlaybackClock;
  setState: Dispatch<SetStateAction<PlayerState>>;
}

/** Imperative controls over the current wavesurfer; calls before it exists do nothing. */
export function createPlayerControls({
  surfer,
  regions,
  clock,
  setState,
}: ControlsDeps): PlayerControls {
  const ignore = () => undefined;
  const seekTo = (ws: WaveSurfer, seconds: number) => {
    const duration = ws.getDuration();
    const target = Math.max(0, duration > 0 ? Math.min(seconds, duration) : seconds);
    ws.setTime(target);
    // While the element is still seeking, wavesurfer only records the time as pending, and the
    // "seeking" event of the earlier seek then discards it, so a quick second key press was lost.
    // Once metadata is known the element takes the time itself.
    const media = ws.getMediaElement();
    if (media && media.readyState >= HTMLMediaElement.HAVE_METADATA && media.currentTime !== target)
      media.currentTime = target;
    // The clock moves now, not at the next timeupdate, so the highlight follows the seek at once.
    clock.set(ws.getCurrentTime());
  };
  const setRate = (rate: number) => {
    surfer.current?.setPlaybackRate(rate, true);
    setState((current) => ({ ...current, rate }));
  };
  return {
    toggle: () => void surfer.current?.playPause().catch(ignore),
    seek(seconds, options) {
      const ws = surfer.current;
      if (!ws) return;
      seekTo(ws, seconds);
      if (options?.play && !ws.isPlaying()) void ws.play().catch(ignore);
    },
    skip(seconds) {
      const ws = surfer.current;
      if (ws) seekTo(ws, ws.getCurrentTime() + seconds);
    },
    setRate,
    stepRate(direction) {
      const current = surfer.current?.getPlaybackRate() ?? 1;
      const index = RATES.findIndex((rate) => rate >= current);
      const from = index < 0 ? RATES.length - 1 : index;
      setRate(RATES[Math.max(0, Math.min(RATES.length - 1, from + direction))]!);
    },
    setVolume(volume) {
      surfer.current?.setVolume(volume);
      setState((current) => ({ ...current, volume }));
    },
    markRegions(marks) {
      const plugin = regions.current;
      if (!plugin) return;
      plugin.clearRegions();
      for (const mark of marks) {
        plugin.addRegion({
          start: mark.start,
          end: mark.end,
          // A DOM element, so the theme's token applies as it changes.
          color: 'var(--waveform-mark)',
          drag: false,
          resize: false,
        });
      }
    },
  };
}
