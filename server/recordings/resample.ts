/**
 * A 15-tap half-band low-pass (Hann-windowed sinc, cut at a quarter of the input rate) before
 * dropping every other sample: eSpeak's fricatives reach well past 5.5 kHz and would otherwise
 * fold back as hiss. Only the odd taps are non-zero, so each output sample costs five products.
 */
const TAPS = halfBandTaps(7);

function halfBandTaps(half: number): number[] {
  const taps: number[] = [];
  for (let n = 1; n <= half; n += 2) {
    const window = 0.5 + 0.5 * Math.cos((Math.PI * n) / (half + 1));
    taps.push((Math.sin((Math.PI * n) / 2) / (Math.PI * n)) * window);
  }
  // Scale so a constant signal passes at unit gain (the centre tap is 0.5).
  const sum = 2 * taps.reduce((a, b) => a + b, 0);
  return taps.map((tap) => (tap * 0.5) / sum);
}

/** Halves the sample rate (22.05 kHz → 11.025 kHz). */
export function halveSampleRate(input: Int16Array): Float32Array {
  const out = new Float32Array(Math.floor(input.length / 2));
  const last = input.length - 1;
  const at = (i: number) => input[i < 0 ? 0 : i > last ? last : i]!;
  for (let o = 0; o < out.length; o++) {
    const i = 2 * o;
    let sum = 0.5 * input[i]!;
    for (let k = 0; k < TAPS.length; k++) {
      const distance = 2 * k + 1;
      sum += TAPS[k]! * (at(i - distance) + at(i + distance));
    }
    out[o] = sum;
  }
  return out;
}
