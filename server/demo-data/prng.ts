/** A small, fast, seedable PRNG (sfc32), so the demo data is the same on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  alnum(length: number): string;
  digits(length: number): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM_CODES = [...ALNUM].map((char) => char.charCodeAt(0));
const ALNUM_4 = 62 ** 4;

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 31);
  let c = 0xb7e15162 ^ Math.imul(seed, 17);
  let d = 1;
  const next = (): number => {
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still echo the seed; let it mix first.
  for (let i = 0; i < 15; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const digits = (length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += String(Math.floor(next() * 10));
    return out;
  };
  // Ids are made for every AI line: four characters per draw (62^4 < 2^32), built in one call.
  const alnum = (length: number) => {
    const codes: number[] = [];
    while (codes.length < length) {
      let draw = Math.floor(next() * ALNUM_4);
      for (let k = 0; k < 4 && codes.length < length; k++) {
        codes.push(ALNUM_CODES[draw % 62]!);
        draw = Math.floor(draw / 62);
      }
    }
    return String.fromCharCode(...codes);
  };
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    alnum,
    digits,
  };
}
