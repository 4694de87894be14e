import { describe, expect, it } from 'vitest';
import type { Peaks } from '@contract';
import { toWaveformChannel, waveformProgress } from './peaks-api';

/** Ten points of 100 samples at 1 kHz: one second, of which `made` points exist. */
const peaks = (made: number, complete?: boolean): Peaks => ({
  version: 2,
  channels: 1,
  sample_rate: 1000,
  samples_per_pixel: 100,
  bits: 8,
  length: made,
  data: Array.from({ length: made * 2 }, (_, i) => (i % 2 ? 64 : -32)),
  duration: 1,
  ...(complete === undefined ? {} : { complete }),
});

describe('waveformProgress', () => {
  it('is 0 before any peaks, the made share while growing, null once whole', () => {
    expect(waveformProgress(undefined)).toBe(0);
    expect(waveformProgress(peaks(0, false))).toBe(0);
    expect(waveformProgress(peaks(4, false))).toBeCloseTo(0.4);
    expect(waveformProgress(peaks(10, true))).toBeNull();
    expect(waveformProgress(peaks(10))).toBeNull();
  });
});

describe('toWaveformChannel', () => {
  it('draws growing peaks where they belong and silence after them', () => {
    const channel = toWaveformChannel(peaks(4, false));
    expect(channel).toHaveLength(10);
    expect(channel.slice(0, 4)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(channel.slice(4)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
