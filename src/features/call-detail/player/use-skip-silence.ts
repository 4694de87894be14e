import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Peaks } from '@contract';
import type { LatencySegment } from '../transcript/latency';
import type { PlaybackClock } from './playback-clock';
import type { PlayerControls } from './player-controls';
import { savedSeconds, silentSpans, skipTarget, type Span } from './silence';

const STORAGE_KEY = 'callscope.player.skip-silence';

function readPreference(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function writePreference(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // A blocked storage only forgets the choice on the next call.
  }
}

export interface SkipSilence {
  enabled: boolean;
  /** Changed by the reader in this call (so the change is announced, not the initial state). */
  toggled: boolean;
  toggle(): void;
  spans: readonly Span[];
  saved: number;
}

interface SkipSilenceDeps {
  clock: PlaybackClock;
  controls: PlayerControls;
  playing: boolean;
  peaks: Peaks | undefined;
  latencies: readonly LatencySegment[];
}

/**
 * "Skip silence": while playing, a pause of 1.5 s or more (found in the server's peaks) is
 * jumped over as playback enters it. The AI's slow answers (the latency lane's flagged spans)
 * are played as they are. The choice is kept in this browser.
 */
export function useSkipSilence({
  clock,
  controls,
  playing,
  peaks,
  latencies,
}: SkipSilenceDeps): SkipSilence {
  const [enabled, setEnabled] = useState(readPreference);
  const [toggled, setToggled] = useState(false);
  const keep = useMemo(
    () => latencies.filter((one) => one.long).map((one) => ({ start: one.from, end: one.to })),
    [latencies],
  );
  const spans = useMemo(() => (peaks ? silentSpans(peaks, keep) : []), [peaks, keep]);

  useEffect(() => {
    if (!enabled || !playing || spans.length === 0) return;
    const jump = () => {
      const target = skipTarget(spans, clock.get());
      if (target !== null) controls.seek(target);
    };
    jump();
    return clock.subscribe(jump);
  }, [enabled, playing, spans, clock, controls]);

  const toggle = useCallback(() => {
    const next = !enabled;
    writePreference(next);
    setEnabled(next);
    setToggled(true);
  }, [enabled]);

  return { enabled, toggled, toggle, spans, saved: savedSeconds(spans) };
}
