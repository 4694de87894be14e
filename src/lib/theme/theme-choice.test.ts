import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyThemeChoice,
  parseThemeChoice,
  readThemeChoice,
  resolveTheme,
  THEME_STORAGE_KEY,
  writeThemeChoice,
} from './theme-choice';

const initScript = readFileSync(path.resolve('public/theme-init.js'), 'utf8');

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme choice', () => {
  it('keeps light and dark, and reads anything else as the system theme', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('DARK')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
  });

  it('stores a choice and forgets it for "system"', () => {
    writeThemeChoice('dark');
    expect(readThemeChoice()).toBe('dark');
    writeThemeChoice('system');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(readThemeChoice()).toBe('system');
  });

  it('survives a storage that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    expect(readThemeChoice(refusing)).toBe('system');
    expect(() => writeThemeChoice('dark', refusing)).not.toThrow();
  });

  it('marks <html> with an explicit choice only', () => {
    const root = document.documentElement;
    applyThemeChoice('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyThemeChoice('system', root);
    expect(root.dataset.theme).toBeUndefined();
  });

  it('resolves "system" by the system preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});

describe('public/theme-init.js (runs before the first paint)', () => {
  it('applies the stored choice with the same key and values', () => {
    writeThemeChoice('dark');
    new Function(initScript)();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('leaves <html> alone without a choice or with a value it does not know', () => {
    new Function(initScript)();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    new Function(initScript)();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
