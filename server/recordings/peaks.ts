import { MPEGDecoder } from 'mpg123-decoder';
import type { Peaks } from '../../contract';

/** Enough points to draw and zoom a little, while an hour stays far under 1 MB of JSON. */
const MAX_PIXELS = 40_000;
const MIN_SAMPLES_PER_PIXEL = 256;

/** Decodes an MP3 on the server (WASM mpg123) and reduces it to min/max pairs per pixel. */
export async function computePeaks(mp3: Uint8Array): Promise<Peaks> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const decoded = decoder.decode(mp3);
    const samples = decoded.channelData[0] ?? new Float32Array(0);
    const count = decoded.samplesDecoded;
    return peaksFromSamples(samples.subarray(0, count), decoded.sampleRate || 11_025);
  } finally {
    decoder.free();
  }
}

export function peaksFromSamples(samples: Float32Array, sampleRate: number): Peaks {
  const samplesPerPixel = Math.max(MIN_SAMPLES_PER_PIXEL, Math.ceil(samples.length / MAX_PIXELS));
  const length = Math.ceil(samples.length / samplesPerPixel);
  const data = new Array<number>(length * 2);
  for (let pixel = 0; pixel < length; pixel++) {
    let min = 0;
    let max = 0;
    const end = Math.min(samples.length, (pixel + 1) * samplesPerPixel);
    for (let i = pixel * samplesPerPixel; i < end; i++) {
      const value = samples[i]!;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    data[pixel * 2] = toEightBit(min);
    data[pixel * 2 + 1] = toEightBit(max);
  }
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 8,
    length,
    data,
    duration: samples.length / sampleRate,
  };
}

function toEightBit(value: number): number {
  return Math.max(-128, Math.min(127, Math.round(value * 127)));
}
