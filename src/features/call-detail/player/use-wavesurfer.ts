import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.js';
import type { Peaks } from '@contract';
import { createPlaybackClock } from './playback-clock';
import { toWaveformChannel } from './peaks-api';

export interface PlayerState {
  ready: boolean;
  playing: boolean;
  rate: number;
  volume: number;
  error: string | null;
}

export interface PlayerControls {
  play(): void;
  toggle(): void;
  seek(seconds: number, options?: { play?: boolean }): void;
  skip(seconds: number): void;
  setRate(rate: number): void;
  setVolume(volume: number): void;
  markRegions(regions: readonly { start: number; end: number }[]): void;
}

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/**
 * One wavesurfer per page, drawn from the server's peaks and streaming the audio through a media
 * element: the tab never downloads and decodes the whole file.
 */
export function useWavesurfer(
  container: RefObject<HTMLDivElement | null>,
  source: { url: string; peaks: Peaks } | null,
  startAt: number,
) {
  const clock = useMemo(() => createPlaybackClock(), []);
  const surfer = useRef<WaveSurfer | null>(null);
  const regions = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const [state, setState] = useState<PlayerState>({
    ready: false,
    playing: false,
    rate: 1,
    volume: 1,
    error: null,
  });
  const startAtRef = useRef(startAt);

  useEffect(() => {
    if (!container.current || !source) return;
    const media = new Audio();
    media.preload = 'metadata';
    media.preservesPitch = true;
    const regionsPlugin = RegionsPlugin.create();
    const ws = WaveSurfer.create({
      container: container.current,
      media,
      height: 72,
      waveColor: '#94a3b8',
      progressColor: '#4f46e5',
      cursorColor: '#312e81',
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: true,
      plugins: [regionsPlugin],
    });
    surfer.current = ws;
    regions.current = regionsPlugin;
    const unsubscribe = [
      ws.on('ready', () => {
        if (startAtRef.current > 0) ws.setTime(startAtRef.current);
        clock.set(ws.getCurrentTime());
        setState((current) => ({ ...current, ready: true }));
      }),
      ws.on('timeupdate', (time) => clock.set(time)),
      ws.on('play', () => setState((current) => ({ ...current, playing: true }))),
      ws.on('pause', () => setState((current) => ({ ...current, playing: false }))),
      ws.on('finish', () => setState((current) => ({ ...current, playing: false }))),
      ws.on('error', (error) =>
        setState((current) => ({ ...current, error: describeMediaError(error) })),
      ),
    ];
    ws.load(source.url, [toWaveformChannel(source.peaks)], source.peaks.duration).catch(
      (error: unknown) => {
        // An interrupted load (the page changed calls) is not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState((current) => ({ ...current, error: describeMediaError(error) }));
      },
    );
    return () => {
      for (const off of unsubscribe) off();
      ws.destroy();
      media.removeAttribute('src');
      surfer.current = null;
      regions.current = null;
      setState((current) => ({ ...current, ready: false, playing: false }));
    };
  }, [container, source, clock]);

  const controls = useMemo<PlayerControls>(
    () => ({
      play: () => void surfer.current?.play().catch(() => undefined),
      toggle: () => void surfer.current?.playPause().catch(() => undefined),
      seek: (seconds, options) => {
        const ws = surfer.current;
        if (!ws) return;
        ws.setTime(Math.max(0, Math.min(seconds, ws.getDuration() || seconds)));
        clock.set(ws.getCurrentTime());
        if (options?.play) void ws.play().catch(() => undefined);
      },
      skip: (seconds) => {
        const ws = surfer.current;
        if (!ws) return;
        ws.setTime(Math.max(0, Math.min(ws.getCurrentTime() + seconds, ws.getDuration())));
        clock.set(ws.getCurrentTime());
      },
      setRate: (rate) => {
        surfer.current?.setPlaybackRate(rate, true);
        setState((current) => ({ ...current, rate }));
      },
      setVolume: (volume) => {
        surfer.current?.setVolume(volume);
        setState((current) => ({ ...current, volume }));
      },
      markRegions: (marks) => {
        const plugin = regions.current;
        if (!plugin) return;
        plugin.clearRegions();
        for (const mark of marks) {
          plugin.addRegion({
            start: mark.start,
            end: mark.end,
            color: 'rgba(245, 158, 11, 0.35)',
            drag: false,
            resize: false,
          });
        }
      },
    }),
    [clock],
  );

  return { clock, state, controls };
}

function describeMediaError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The recording could not be played (${message || 'media error'}).`;
}
