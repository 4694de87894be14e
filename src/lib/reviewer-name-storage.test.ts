import { describe, expect, it } from 'vitest';
import {
  readReviewerName,
  REVIEWER_NAME_STORAGE_KEY as REVIEWER_NAME_KEY,
  saveReviewerName,
} from './reviewer-name';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    values,
  };
}

describe('the reviewer name kept in the browser', () => {
  it('is stored trimmed and read back', () => {
    const storage = memoryStorage();
    expect(saveReviewerName('  Dana Q. ', storage)).toBe('Dana Q.');
    expect(storage.values.get(REVIEWER_NAME_KEY)).toBe('Dana Q.');
    expect(readReviewerName(storage)).toBe('Dana Q.');
  });

  it('refuses an empty, too long or control-character name and keeps nothing', () => {
    const storage = memoryStorage();
    expect(saveReviewerName('   ', storage)).toBeNull();
    expect(saveReviewerName('x'.repeat(81), storage)).toBeNull();
    expect(saveReviewerName('a\u0000b', storage)).toBeNull();
    expect(storage.values.size).toBe(0);
  });

  it('ignores a stored value that is not a valid name', () => {
    expect(readReviewerName(memoryStorage({ [REVIEWER_NAME_KEY]: 'bad\nname' }))).toBeNull();
    expect(readReviewerName(memoryStorage())).toBeNull();
    expect(readReviewerName(undefined)).toBeNull();
  });

  it('keeps a name of non-Latin letters as it is', () => {
    const storage = memoryStorage();
    expect(saveReviewerName('Zoë 李', storage)).toBe('Zoë 李');
    expect(readReviewerName(storage)).toBe('Zoë 李');
  });
});
