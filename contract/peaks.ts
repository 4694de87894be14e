import * as z from 'zod/mini';

/**
 * Waveform peaks in the JSON format of BBC audiowaveform / waveform-data.js (version 2):
 * `data` holds min,max pairs per pixel. `duration` (seconds) is this project's addition, so
 * the player can draw and seek before any audio has loaded.
 */
export const peaksSchema = z.object({
  version: z.literal(2),
  channels: z.literal(1),
  sample_rate: z.int().check(z.positive()),
  samples_per_pixel: z.int().check(z.positive()),
  bits: z.union([z.literal(8), z.literal(16)]),
  length: z.int().check(z.nonnegative()),
  data: z.array(z.int()),
  duration: z.number().check(z.nonnegative()),
});
export type Peaks = z.infer<typeof peaksSchema>;
