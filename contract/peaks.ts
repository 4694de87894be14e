import * as z from 'zod/mini';

const SAMPLE_LIMIT = 2 ** 15;

/** 16-bit (or 8-bit) samples, checked in one loop: an hour's peaks hold 80,000 of them. */
const samples = z.custom<number[]>(
  (value) =>
    Array.isArray(value) &&
    value.every(
      (sample) => Number.isInteger(sample) && sample >= -SAMPLE_LIMIT && sample < SAMPLE_LIMIT,
    ),
  { message: 'Expected an array of whole 16-bit samples' },
);

/**
 * Waveform peaks in the JSON format of BBC audiowaveform / waveform-data.js (version 2):
 * `data` holds min,max pairs per pixel. `duration` (seconds) is this project's addition, so
 * the player can draw and seek before any audio has loaded. `complete: false` (also ours) marks
 * the peaks of a recording still being made; they grow until it is whole.
 */
export const peaksSchema = z
  .object({
    version: z.literal(2),
    channels: z.literal(1),
    sample_rate: z.int().check(z.positive()),
    samples_per_pixel: z.int().check(z.positive()),
    bits: z.union([z.literal(8), z.literal(16)]),
    length: z.int().check(z.nonnegative()),
    data: samples,
    duration: z.number().check(z.nonnegative()),
    /** False while the recording is still being made: `data` then covers its start only. */
    complete: z.optional(z.boolean()),
  })
  .check(
    z.refine((peaks) => peaks.data.length === 2 * peaks.length, {
      message: 'Expected one min,max pair per pixel',
      path: ['data'],
    }),
  );
export type Peaks = z.infer<typeof peaksSchema>;
