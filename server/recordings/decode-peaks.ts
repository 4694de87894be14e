import { MPEGDecoder } from 'mpg123-decoder';
import type { Peaks } from '../../contract';

/**
 * Resolution of the waveform. A waveform is drawn 1,000–2,000 px wide and zoomed a little, so a
 * short call gets up to 50 points a second and a long one at most 20,000 points (ten times the
 * width of a wide screen): an hour stays near 150 KB of JSON, far under 1 MB.
 */
const MAX_POINTS_PER_SECOND = 50;
const MAX_POINTS = 20_000;
/** Decoded samples are first reduced to buckets this wide; the final width is a multiple. */
const BUCKET = 32;
/** MP3 bytes per decode call: bounded memory, since mpg123-decoder returns stereo float32. */
const INPUT_CHUNK = 256 * 1024;

/** Min/max of each {@link BUCKET} samples, in the 8-bit scale of the output. */
class BucketReducer {
  min = new Int8Array(1 << 16);
  max = new Int8Array(1 << 16);
  buckets = 0;
  samples = 0;
  private low = 0;
  private high = 0;

  add(channel: Float32Array, count: number): void {
    let { low, high, samples } = this;
    for (let i = 0; i < count; i++) {
      const value = channel[i]!;
      if (value < low) low = value;
      if (value > high) high = value;
      if (++samples % BUCKET === 0) {
        this.push(low, high);
        low = 0;
        high = 0;
      }
    }
    Object.assign(this, { low, high, samples });
  }

  finish(): void {
    if (this.samples % BUCKET !== 0) this.push(this.low, this.high);
  }

  private push(low: number, high: number): void {
    if (this.buckets === this.min.length) {
      this.min = grow(this.min);
      this.max = grow(this.max);
    }
    this.min[this.buckets] = toEightBit(low);
    this.max[this.buckets++] = toEightBit(high);
  }
}

/**
 * Decodes an MP3 with mpg123 compiled to WASM (no system binary, no browser) and reduces it to
 * the min/max peaks of BBC audiowaveform's JSON format, plus its duration in seconds.
 */
export function peaksOfMp3(mp3: Uint8Array): Promise<Peaks> {
  return peaksOfMp3Stream([mp3]);
}

/**
 * {@link peaksOfMp3} of an MP3 read piece by piece (a file or a response body): memory holds one
 * piece and the reduced buckets, never the whole recording.
 */
export async function peaksOfMp3Stream(
  pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<Peaks> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const reducer = new BucketReducer();
  let sampleRate = 0;
  try {
    for await (const piece of pieces) {
      for (let offset = 0; offset < piece.length; offset += INPUT_CHUNK) {
        const decoded = decoder.decode(piece.subarray(offset, offset + INPUT_CHUNK));
        const channel = decoded.channelData[0];
        if (channel && decoded.samplesDecoded) reducer.add(channel, decoded.samplesDecoded);
        sampleRate ||= decoded.sampleRate;
      }
    }
  } finally {
    decoder.free();
  }
  // mpg123 skips what is not MPEG audio: a file of anything else decodes to nothing.
  if (reducer.samples === 0) throw new Error('The file holds no MPEG audio.');
  reducer.finish();
  return peaksFromBuckets(reducer, sampleRate);
}

/** `samples_per_pixel` for a recording of `samples` samples: a whole number of buckets. */
export function samplesPerPoint(samples: number, sampleRate: number): number {
  const finest = Math.max(sampleRate / MAX_POINTS_PER_SECOND, samples / MAX_POINTS);
  return BUCKET * Math.max(1, Math.ceil(finest / BUCKET));
}

function peaksFromBuckets(reducer: BucketReducer, sampleRate: number): Peaks {
  const { min, max, buckets, samples } = reducer;
  const perPoint = samplesPerPoint(samples, sampleRate) / BUCKET;
  const length = Math.ceil(buckets / perPoint);
  const data = new Array<number>(length * 2);
  for (let point = 0; point < length; point++) {
    let low = 0;
    let high = 0;
    const end = Math.min(buckets, (point + 1) * perPoint);
    for (let b = point * perPoint; b < end; b++) {
      if (min[b]! < low) low = min[b]!;
      if (max[b]! > high) high = max[b]!;
    }
    data[2 * point] = low;
    data[2 * point + 1] = high;
  }
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: perPoint * BUCKET,
    bits: 8,
    length,
    data,
    duration: samples / sampleRate,
  };
}

function toEightBit(value: number): number {
  return Math.max(-128, Math.min(127, Math.round(value * 127)));
}

function grow(array: Int8Array<ArrayBuffer>): Int8Array<ArrayBuffer> {
  const bigger = new Int8Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
