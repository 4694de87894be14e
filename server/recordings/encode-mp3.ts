import { Mp3Encoder } from '@breezystack/lamejs';

export const MP3_KBPS = 32;
/** One MPEG-2.5 layer III frame at 11.025 kHz holds 576 samples. */
const FRAME_SAMPLES = 576;
/**
 * LAME's encoder delay (576) plus the decoder's (529): a decoder plays this many samples of
 * silence before the first input sample.
 */
export const CODEC_DELAY_SAMPLES = 1105;
/** lamejs emits this many frames beyond the input: the encoder delay and its flush. */
const EXTRA_FRAMES = 2;

export interface Mp3Stream {
  /** Encodes the next samples of the call; returns the MP3 bytes ready so far (maybe none). */
  push(samples: Int16Array): Uint8Array;
  /** Flushes the encoder: the last bytes of the file. */
  end(): Uint8Array;
}

/**
 * Constant-bitrate MP3, mono, encoded as the call is rendered. CBR keeps byte offsets
 * proportional to time, so a media element's seeks and the waveform never drift apart (VBR
 * does: wavesurfer #2890), and it fixes the file's size in advance ({@link mp3Bytes}).
 *
 * lamejs writes no gapless (LAME/Xing) header, so the codec delay is taken off the front of the
 * signal instead: decoded sample n is input sample n, speech lands at its transcript offset in
 * every decoder, and the decoded length matches the call to within a frame. The price is the
 * first 0.1 s of the call, which is silence in practice.
 */
export function createMp3Stream(totalSamples: number, sampleRate: number): Mp3Stream {
  const encoder = new Mp3Encoder(1, sampleRate, MP3_KBPS);
  // The encoder pads the end past the delay and to whole frames; ending a frame early evens it.
  const from = Math.min(CODEC_DELAY_SAMPLES, totalSamples);
  const to = Math.max(from, totalSamples - FRAME_SAMPLES);
  let position = 0;
  return {
    push(samples) {
      const start = Math.max(from, position);
      const end = Math.min(to, position + samples.length);
      const signal = samples.subarray(start - position, Math.max(start, end) - position);
      position += samples.length;
      return signal.length ? unsigned(encoder.encodeBuffer(signal)) : new Uint8Array(0);
    },
    end: () => unsigned(encoder.flush()),
  };
}

/** The whole call at once. */
export function encodeMp3(samples: Int16Array, sampleRate: number): Uint8Array {
  const stream = createMp3Stream(samples.length, sampleRate);
  return concatBytes([stream.push(samples), stream.end()]);
}

/**
 * The exact size of the MP3 of `totalSamples` samples at 11.025 kHz, known before encoding: every
 * frame is 208 bytes plus a padding byte that LAME adds to keep the average at 32 kbps
 * (72 × 32,000 / 11,025 = 208 48⁄49 bytes a frame), exactly as its `slot_lag` counter does.
 */
export function mp3Bytes(totalSamples: number, sampleRate: number): number {
  const signal = Math.max(0, totalSamples - CODEC_DELAY_SAMPLES - FRAME_SAMPLES);
  const frames = EXTRA_FRAMES + Math.ceil(signal / FRAME_SAMPLES);
  const numerator = 72 * MP3_KBPS * 1000;
  const whole = Math.floor(numerator / sampleRate);
  const fraction = numerator % sampleRate;
  let bytes = 0;
  let slotLag = fraction;
  for (let frame = 0; frame < frames; frame++) {
    bytes += whole;
    slotLag -= fraction;
    if (fraction && slotLag < 0) {
      slotLag += sampleRate;
      bytes++;
    }
  }
  return bytes;
}

/** lamejs hands out a fresh signed-byte array each time: view the same bytes unsigned. */
function unsigned(chunk: Int8Array | Uint8Array): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
