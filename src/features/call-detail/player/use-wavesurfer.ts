import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.js';
import type { Peaks } from '@contract';
import { documentStyleNonce } from '@/lib/csp-nonce';
import { resolveCssColor } from '@/lib/theme/css-color';
import { useResolvedTheme } from '@/lib/theme/use-theme';
import { describeMediaError } from './media-error';
import { toWaveformChannel } from './peaks-api';
import { createPlaybackClock } from './playback-clock';
import { createPlayerControls, type PlayerControls, type RegionsApi } from './player-controls';
import { useMediaElement } from './use-media-element';

export type AudioStatus = 'loading' | 'playable' | 'error';

export interface PlayerState {
  /** The controls are wired to the media (the waveform may still be growing). */
  ready: boolean;
  audio: AudioStatus;
  playing: boolean;
  rate: number;
  volume: number;
  error: string | null;
}

const INITIAL: PlayerState = {
  ready: false,
  audio: 'loading',
  playing: false,
  rate: 1,
  volume: 1,
  error: null,
};

/**
 * The canvas takes colours, not CSS: the theme's tokens as the browser resolves them now, read
 * again when the theme changes.
 */
function waveformColors(element: Element) {
  return {
    waveColor: resolveCssColor('--waveform-wave', element),
    progressColor: resolveCssColor('--waveform-progress', element),
    cursorColor: resolveCssColor('--waveform-cursor', element),
  };
}

/** Drawn until the first peaks arrive: silence over the whole call. */
const NO_PEAKS = [[0]];

/**
 * New peaks, drawn. wavesurfer's `setOptions({ peaks })` makes the new audio data but redraws
 * the data it drew last, so peaks that arrived after the player was made (a recording still
 * being made, or merely fetched a moment later) never showed: the waveform stayed flat.
 */
function drawPeaks(ws: WaveSurfer, peaks: number[][], duration: number) {
  ws.setOptions({ peaks, duration });
  const data = ws.getDecodedData();
  if (data) void ws.getRenderer().render(data);
}

/**
 * The player: the audio streams through a media element that starts loading at once, and
 * wavesurfer draws the server's peaks over it, so the tab never downloads and decodes the whole
 * file. Playing never waits for the waveform: wavesurfer starts with the call's duration and
 * silence, and redraws as the peaks arrive and grow. One wavesurfer per call, destroyed on the
 * way out.
 */
export function useWavesurfer(
  container: RefObject<HTMLDivElement | null>,
  source: { url: string | null; peaks: Peaks | undefined; duration: number },
  startAt: number,
) {
  const clock = useMemo(() => createPlaybackClock(), []);
  const surfer = useRef<WaveSurfer | null>(null);
  const regions = useRef<RegionsApi | null>(null);
  const [state, setState] = useState<PlayerState>(INITIAL);
  const startAtRef = useRef(startAt);
  const media = useMediaElement(source.url, setState);
  const { peaks } = source;
  const duration = peaks?.duration ?? source.duration;
  const drawn = useMemo(() => (peaks ? [toWaveformChannel(peaks)] : NO_PEAKS), [peaks]);
  // Read when wavesurfer is made; later changes are drawn by the effect below, not by a new one.
  const initial = useRef({ drawn, duration });
  useEffect(() => {
    initial.current = { drawn, duration };
  }, [drawn, duration]);
  const canDraw = duration > 0;

  useEffect(() => {
    if (!container.current || !media || !canDraw) return;
    const regionsPlugin = RegionsPlugin.create();
    const ws = WaveSurfer.create({
      container: container.current,
      media,
      height: 64,
      ...waveformColors(container.current),
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: true,
      plugins: [regionsPlugin],
      cspNonce: documentStyleNonce(),
      // wavesurfer loads the media element's own src right after it is created. Given the peaks
      // and duration here, that load only draws them; a separate load() call would race it, and
      // losing that race means fetching and decoding the whole file (about 230 MB for an hour).
      peaks: initial.current.drawn,
      duration: initial.current.duration,
    });
    surfer.current = ws;
    regions.current = regionsPlugin;
    const createdWith = initial.current.drawn;
    const unsubscribe = [
      ws.on('ready', () => {
        // Peaks that arrived while wavesurfer's first load ran are drawn over by that load's
        // own (older) ones: draw the newest again.
        const latest = initial.current;
        if (latest.drawn !== createdWith) drawPeaks(ws, latest.drawn, latest.duration);
        if (startAtRef.current > 0) ws.setTime(Math.min(startAtRef.current, ws.getDuration()));
        startAtRef.current = 0;
        clock.set(ws.getCurrentTime());
        setState((current) => ({ ...current, ready: true }));
      }),
      ws.on('timeupdate', (time) => clock.set(time)),
      ws.on('play', () => setState((current) => ({ ...current, playing: true }))),
      ws.on('pause', () => setState((current) => ({ ...current, playing: false }))),
      ws.on('finish', () => setState((current) => ({ ...current, playing: false }))),
      ws.on('error', (error) => {
        // An interrupted load (the page changed calls) is not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        // The element's own error says more than wavesurfer's wrapper of it.
        const reason = describeMediaError(media.error ?? error);
        setState((current) => ({ ...current, audio: 'error', error: reason }));
      }),
    ];
    return () => {
      for (const off of unsubscribe) off();
      ws.destroy();
      surfer.current = null;
      regions.current = null;
      setState((current) => ({ ...current, ready: false, playing: false }));
    };
  }, [container, media, canDraw, clock]);

  // The waveform grows while the recording is made: redraw it, leaving the media alone.
  useEffect(() => {
    if (surfer.current) drawPeaks(surfer.current, drawn, duration);
  }, [drawn, duration]);

  const theme = useResolvedTheme();
  useEffect(() => {
    if (surfer.current && container.current)
      surfer.current.setOptions(waveformColors(container.current));
  }, [theme, container]);

  const controls = useMemo<PlayerControls>(
    () => createPlayerControls({ surfer, regions, clock, setState }),
    [clock],
  );

  return { clock, state, controls };
}
