import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/** What a cache file was when it was made: beside `x.mp3` lies `x.mp3.sum`. */
export const fileFactsSchema = z.object({
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileFacts = z.infer<typeof fileFactsSchema>;

export const factsFileOf = (file: string) => `${file}.sum`;

/** Written under a temporary name and renamed, like the file it describes. */
export async function writeFacts(file: string, facts: FileFacts, temporary: string): Promise<void> {
  await writeFile(temporary, JSON.stringify(facts));
  await rename(temporary, factsFileOf(file));
}

/** The facts recorded for `file`, or null when none were (or they can't be read). */
export async function readFacts(file: string): Promise<FileFacts | null> {
  try {
    const parsed = fileFactsSchema.safeParse(JSON.parse(await readFile(factsFileOf(file), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The file's SHA-256, read as a stream: a long recording is never in memory whole. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Why a cache file of `size` bytes can't be trusted, in words, or null when it can. The size is
 * checked on every use; the checksum (`checkSum`) on the first use after a start.
 */
export async function damageOf(
  file: string,
  size: number,
  facts: FileFacts | null,
  options: { expectedSize?: number; checkSum: boolean },
): Promise<string | null> {
  if (!facts) return 'no size and checksum were recorded when it was made';
  if (size !== facts.size) return `it holds ${size} bytes, but ${facts.size} were written`;
  if (options.expectedSize !== undefined && size !== options.expectedSize)
    return `it holds ${size} bytes, but this recording has ${options.expectedSize}`;
  if (options.checkSum && (await sha256OfFile(file)) !== facts.sha256)
    return 'its bytes do not match the checksum recorded when it was made';
  return null;
}
