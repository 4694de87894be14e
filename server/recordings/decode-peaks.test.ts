import { afterAll, describe, expect, it } from 'vitest';
import { peaksSchema } from '../../contract';
import { peaksOfMp3, samplesPerPoint } from './decode-peaks';
import { encodeMp3 } from './encode-mp3';
import { computePeaks, stopPeaksWorker } from './peaks';

const RATE = 11_025;
afterAll(stopPeaksWorker);

/** Five seconds of silence with a half-scale 440 Hz tone from 2 s to 3 s. */
function toneMp3(): Uint8Array {
  const pcm = new Int16Array(5 * RATE);
  for (let i = 2 * RATE; i < 3 * RATE; i++)
    pcm[i] = Math.round(16_000 * Math.sin((2 * Math.PI * 440 * i) / RATE));
  return encodeMp3(pcm, RATE);
}

describe('peaksOfMp3', () => {
  it('finds the tone where it is, silence elsewhere, and the length of the audio', async () => {
    const peaks = peaksSchema.parse(await peaksOfMp3(toneMp3()));
    expect(peaks).toMatchObject({ version: 2, channels: 1, bits: 8, sample_rate: RATE });
    expect(Math.abs(peaks.duration - 5)).toBeLessThan(0.05);
    expect(peaks.length).toBe(
      Math.ceil((peaks.duration * peaks.sample_rate) / peaks.samples_per_pixel),
    );
    expect(peaks.data).toHaveLength(2 * peaks.length);
    const secondsPerPoint = peaks.samples_per_pixel / peaks.sample_rate;
    const at = (seconds: number) => Math.floor(seconds / secondsPerPoint);
    const max = (point: number) => peaks.data[2 * point + 1]!;
    const min = (point: number) => peaks.data[2 * point]!;
    // Half scale in 8 bits is about ±63.
    expect(max(at(2.5))).toBeGreaterThan(50);
    expect(min(at(2.5))).toBeLessThan(-50);
    expect(Math.max(max(at(1)), max(at(4)), -min(at(1)), -min(at(4)))).toBeLessThanOrEqual(1);
  });

  it('computes the same peaks through the worker used for long recordings', async () => {
    const mp3 = toneMp3();
    // Over the 1 MB decoded in-line: a run of whole files, end to end.
    const copies = Math.ceil((2 * 1024 * 1024) / mp3.length);
    const long = new Uint8Array(copies * mp3.length);
    for (let copy = 0; copy < copies; copy++) long.set(mp3, copy * mp3.length);
    const [inline, viaWorker] = await Promise.all([peaksOfMp3(long), computePeaks(long)]);
    expect(viaWorker).toEqual(inline);
    expect(await computePeaks(mp3)).toEqual(await peaksOfMp3(mp3));
  });
});

describe('samplesPerPoint', () => {
  it('gives short calls up to 50 points a second and keeps an hour near 20,000 points', () => {
    expect(RATE / samplesPerPoint(3 * 60 * RATE, RATE)).toBeLessThanOrEqual(50);
    expect(RATE / samplesPerPoint(3 * 60 * RATE, RATE)).toBeGreaterThan(40);
    const hour = 60 * 60 * RATE;
    expect(hour / samplesPerPoint(hour, RATE)).toBeLessThanOrEqual(20_000);
    // Each point is two numbers of at most four characters and two commas: well under 1 MB.
    expect((hour / samplesPerPoint(hour, RATE)) * 10).toBeLessThan(1_000_000);
  });
});
