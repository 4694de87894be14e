import { describe, expect, it } from 'vitest';
import { createMp3Stream, encodeMp3, mp3Bytes } from './encode-mp3';
import { decodeMp3 } from './testing/audio-analysis';

const RATE = 11_025;

/** A noisy, loud signal: the hardest case for a constant bitrate to hold. */
function noise(samples: number, seed = 1): Int16Array {
  const out = new Int16Array(samples);
  let state = seed;
  for (let i = 0; i < samples; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out[i] = ((state >>> 16) % 40_000) - 20_000;
  }
  return out;
}

describe('encodeMp3', () => {
  it('produces exactly the size predicted in advance, whatever the length', () => {
    for (const samples of [0, 500, 1681, 1682, 2257, 2258, 11_025, 54_321, 90 * RATE + 17]) {
      expect(encodeMp3(noise(samples), RATE).length, `${samples} samples`).toBe(
        mp3Bytes(samples, RATE),
      );
    }
  });

  it('gives the same bytes when fed piece by piece as when fed at once', () => {
    const pcm = noise(3 * RATE + 123, 7);
    const stream = createMp3Stream(pcm.length, RATE);
    const parts: number[] = [];
    for (let at = 0, size = 1; at < pcm.length; at += size, size = (size * 7 + 5) % 9000)
      parts.push(...stream.push(pcm.subarray(at, at + size)));
    parts.push(...stream.end());
    expect(Buffer.from(parts).equals(Buffer.from(encodeMp3(pcm, RATE)))).toBe(true);
  });

  it('decodes to the length of the input, with each sample where it was', async () => {
    const pcm = new Int16Array(4 * RATE);
    const click = Math.round(2.5 * RATE);
    for (let i = click; i < click + 200; i++) pcm[i] = i % 2 ? 20_000 : -20_000;
    const audio = await decodeMp3(encodeMp3(pcm, RATE));
    expect(Math.abs(audio.samples.length - pcm.length)).toBeLessThan(0.05 * RATE);
    let loudest = 0;
    for (let i = 1; i < audio.samples.length; i++)
      if (Math.abs(audio.samples[i]!) > Math.abs(audio.samples[loudest]!)) loudest = i;
    // Inside the burst (200 samples, 18 ms): the codec delay is compensated.
    expect(Math.abs(loudest - (click + 100))).toBeLessThan(120);
  });
});
