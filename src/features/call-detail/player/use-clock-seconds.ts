import { useSyncExternalStore } from 'react';
import type { PlaybackClock } from './playback-clock';

/**
 * The playback time in whole seconds. The clock ticks every frame while playing, but a reader
 * sees seconds, so subscribers re-render once a second.
 */
export function useClockSeconds(clock: PlaybackClock): number {
  const seconds = () => Math.floor(clock.get());
  return useSyncExternalStore(clock.subscribe, seconds, seconds);
}
