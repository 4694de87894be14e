import { Mp3Encoder } from '@breezystack/lamejs';

export const MP3_KBPS = 32;
const FRAME = 1152;
/** One MPEG-2.5 layer III frame at 11.025 kHz holds 576 samples. */
const GRANULE = 576;
/** LAME's fixed encoder delay (576 + 529 decoder-side samples); decoders play it as leading silence. */
export const ENCODER_DELAY_SAMPLES = 1105;

/**
 * Constant-bitrate MP3, mono, 11.025 kHz (better than telephone quality, and twice as fast to
 * encode as 22.05 kHz). CBR keeps byte offsets proportional to time, so seeking and the
 * waveform never drift apart. The encoder's leading delay is taken off the front of the signal,
 * so speech lands at its transcript offset and the decoded length matches the call.
 */
export const MP3_SAMPLE_RATE = 11_025;

export function encodeMp3(samples: Int16Array, sampleRate: number): Uint8Array {
  const encoder = new Mp3Encoder(1, MP3_SAMPLE_RATE, MP3_KBPS);
  const resampled = sampleRate === MP3_SAMPLE_RATE * 2 ? halveRate(samples) : samples;
  // The encoder adds its delay in front and pads the end to a whole frame: both are taken back.
  const signal = resampled.subarray(
    Math.min(ENCODER_DELAY_SAMPLES, resampled.length),
    Math.max(ENCODER_DELAY_SAMPLES, resampled.length - GRANULE),
  );
  const parts: Uint8Array[] = [];
  for (let i = 0; i < signal.length; i += FRAME) {
    const chunk = encoder.encodeBuffer(signal.subarray(i, i + FRAME));
    if (chunk.length) parts.push(chunk);
  }
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Averaging neighbours low-passes before dropping every other sample (22.05 → 11.025 kHz). */
function halveRate(samples: Int16Array): Int16Array {
  const out = new Int16Array(Math.floor(samples.length / 2));
  for (let i = 0; i < out.length; i++) {
    const a = samples[2 * i - 1] ?? samples[0]!;
    out[i] = Math.round((a + 2 * samples[2 * i]! + samples[2 * i + 1]!) / 4);
  }
  return out;
}
