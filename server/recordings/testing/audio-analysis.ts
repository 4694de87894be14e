import { MPEGDecoder } from 'mpg123-decoder';

export interface Decoded {
  samples: Float32Array;
  sampleRate: number;
}

/** Decodes an MP3 the way a browser would (mpg123), to check the audio a listener hears. */
export async function decodeMp3(bytes: Uint8Array): Promise<Decoded> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const result = decoder.decode(bytes);
    const channel = result.channelData[0] ?? new Float32Array(0);
    return { samples: channel.subarray(0, result.samplesDecoded), sampleRate: result.sampleRate };
  } finally {
    decoder.free();
  }
}

/** Root-mean-square level (full scale = 1) between two times in seconds. */
export function rms({ samples, sampleRate }: Decoded, from: number, to: number): number {
  const start = Math.max(0, Math.floor(from * sampleRate));
  const end = Math.min(samples.length, Math.floor(to * sampleRate));
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / Math.max(1, end - start));
}

const FRAME_SECONDS = 0.04;

/**
 * Median fundamental frequency (Hz) of the voiced 40 ms frames between two times, by
 * autocorrelation over 70–400 Hz; a frame counts as voiced when it is loud and periodic.
 */
export function medianPitch(audio: Decoded, from: number, to: number): number | null {
  const { samples, sampleRate } = audio;
  const size = Math.round(FRAME_SECONDS * sampleRate);
  const minLag = Math.floor(sampleRate / 400);
  const maxLag = Math.ceil(sampleRate / 70);
  const pitches: number[] = [];
  const end = Math.min(samples.length - size - maxLag, Math.floor(to * sampleRate));
  for (let start = Math.floor(from * sampleRate); start < end; start += size) {
    if (rms(audio, start / sampleRate, (start + size) / sampleRate) < 0.02) continue;
    let energy = 0;
    for (let i = 0; i < size; i++) energy += samples[start + i]! ** 2;
    let bestLag = 0;
    let best = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let sum = 0;
      for (let i = 0; i < size; i++) sum += samples[start + i]! * samples[start + i + lag]!;
      if (sum > best) {
        best = sum;
        bestLag = lag;
      }
    }
    if (bestLag && best / energy > 0.5) pitches.push(sampleRate / bestLag);
  }
  if (!pitches.length) return null;
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)]!;
}
