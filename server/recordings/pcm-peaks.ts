import type { Peaks } from '../../contract';
import { samplesPerPoint } from './decode-peaks';

/** The layout of a recording's peaks, known before a sample is made. */
export interface PeaksLayout {
  sampleRate: number;
  totalSamples: number;
  samplesPerPoint: number;
  /** Points of the whole recording. */
  length: number;
}

export function peaksLayout(totalSamples: number, sampleRate: number): PeaksLayout {
  const perPoint = samplesPerPoint(totalSamples, sampleRate);
  return {
    sampleRate,
    totalSamples,
    samplesPerPoint: perPoint,
    length: Math.ceil(totalSamples / perPoint),
  };
}

const toEightBit = (sample: number) => Math.max(-128, Math.min(127, Math.round(sample / 256)));

/**
 * Min/max points of 16-bit PCM, fed in order as the call is mixed: the same points the decoder
 * of the finished MP3 would give (the encoder keeps sample n at n), with no decoding at all.
 * Each {@link push} returns the points it completed, as min,max pairs.
 */
export class PcmPeaks {
  private low = 0;
  private high = 0;
  private inPoint = 0;
  private seen = 0;

  constructor(readonly layout: PeaksLayout) {}

  push(samples: Int16Array): Int8Array {
    const out: number[] = [];
    const { samplesPerPoint: perPoint, totalSamples } = this.layout;
    for (let i = 0; i < samples.length && this.seen < totalSamples; i++, this.seen++) {
      const value = samples[i]!;
      if (value < this.low) this.low = value;
      if (value > this.high) this.high = value;
      if (++this.inPoint === perPoint || this.seen + 1 === totalSamples) {
        out.push(toEightBit(this.low), toEightBit(this.high));
        this.low = 0;
        this.high = 0;
        this.inPoint = 0;
      }
    }
    return Int8Array.from(out);
  }
}

/**
 * The peaks made so far, growing as synthesis advances: `complete` stays false until the last
 * point is in, and `duration` is always the whole call's, so a player can draw the part that
 * exists where it belongs.
 */
export class GrowingPeaks {
  private data: number[] = [];

  constructor(readonly layout: PeaksLayout) {}

  add(pairs: ArrayLike<number>): void {
    for (let i = 0; i < pairs.length; i++) this.data.push(pairs[i]!);
  }

  get complete(): boolean {
    return this.data.length / 2 >= this.layout.length;
  }

  snapshot(): Peaks & { complete: boolean } {
    const { sampleRate, samplesPerPoint: perPoint, totalSamples } = this.layout;
    const length = Math.floor(this.data.length / 2);
    return {
      version: 2,
      channels: 1,
      sample_rate: sampleRate,
      samples_per_pixel: perPoint,
      bits: 8,
      length,
      data: this.data.slice(0, length * 2),
      duration: totalSamples / sampleRate,
      complete: this.complete,
    };
  }
}
