/**
 * A few conversations with fixed ids at fixed positions, whatever the seed or `now`, so tests and
 * demos can open them directly: the seed's own example, an XSS payload, a call without a
 * recording, an empty transcript and an hour-long call.
 */
export const SPECIAL_IDS = {
  seed: 'con.1731301581.SEEDHARI',
  xss: 'con.1700000001.XSSNAME1',
  noRecording: 'con.1700000002.NORECORD',
  emptyTranscript: 'con.1700000003.EMPTYTXT',
  long: 'con.1700000004.LONGCALL',
} as const;

export const SEED_EXAMPLE_ID = SPECIAL_IDS.seed;
export const XSS_EXAMPLE_ID = SPECIAL_IDS.xss;
export const NO_RECORDING_EXAMPLE_ID = SPECIAL_IDS.noRecording;
export const EMPTY_TRANSCRIPT_EXAMPLE_ID = SPECIAL_IDS.emptyTranscript;
export const LONG_CALL_EXAMPLE_ID = SPECIAL_IDS.long;

/** Said as the caller's name and as a message of its own: the UI must show it as text. */
export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';

export type SpecialKind = Exclude<keyof typeof SPECIAL_IDS, 'seed'>;

const POSITIONS: Readonly<Record<number, SpecialKind>> = {
  1: 'xss',
  2: 'noRecording',
  3: 'emptyTranscript',
  4: 'long',
};

export function specialKindAt(index: number): SpecialKind | undefined {
  return POSITIONS[index];
}

/**
 * Hour-long calls: one in 500 (0.2%), at fixed positions (4, 504, 1004...), so every 2,000 calls
 * hold four of them, the first being `LONG_CALL_EXAMPLE_ID`.
 */
export const LONG_CALL_EVERY = 500;

export function isLongCallAt(index: number): boolean {
  return index % LONG_CALL_EVERY === 4;
}
