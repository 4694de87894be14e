import type { RefObject } from 'react';
import { formatDurationInWords } from '@/lib/format';
import type { PlaybackClock } from './playback-clock';
import type { PlayerControls } from './player-controls';
import { useClockSeconds } from './use-clock-seconds';

interface WaveformSliderProps {
  waveformRef: RefObject<HTMLDivElement | null>;
  clock: PlaybackClock;
  duration: number;
  controls: PlayerControls;
}

/**
 * The waveform, exposed as a slider: focusable, its value in words. ←/→ (shift for 15 s) are
 * the page's shortcuts; ↑/↓, Page Up/Down, Home and End work here too.
 */
export function WaveformSlider({ waveformRef, clock, duration, controls }: WaveformSliderProps) {
  const time = useClockSeconds(clock);
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Playback position"
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={time}
      aria-valuetext={`${formatDurationInWords(time)} of ${formatDurationInWords(duration)}`}
      onKeyDown={(event) => {
        const steps: Record<string, () => void> = {
          ArrowUp: () => controls.skip(5),
          ArrowDown: () => controls.skip(-5),
          PageUp: () => controls.skip(15),
          PageDown: () => controls.skip(-15),
          Home: () => controls.seek(0),
          End: () => controls.seek(duration),
        };
        const step = steps[event.key];
        if (!step) return;
        step();
        event.preventDefault();
      }}
      className="rounded-md outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {/* Its own layout root: the cursor moves every frame while playing, and without
          containment each move would lay out the whole page, transcript included. */}
      <div ref={waveformRef} className="h-16 [contain:strict]" />
    </div>
  );
}
