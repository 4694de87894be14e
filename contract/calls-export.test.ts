import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone } from './calendar-days';
import { exportFileName, neutralizeFormula } from './calls-export';

describe('neutralizeFormula', () => {
  it('prefixes a cell a spreadsheet would run as a formula', () => {
    for (const payload of [
      '=HYPERLINK("http://evil.example","click")',
      '+1+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
    ]) {
      expect(neutralizeFormula(payload)).toBe(`'${payload}`);
    }
  });

  it('leaves every other cell as it is', () => {
    for (const text of ['Dana', '', ' =not first', "'=already quoted", '2026-01-05', '#tag']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });

  it('never leaves a dangerous first character, and only ever adds one quote', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutralizeFormula(text);
        expect(out.endsWith(text)).toBe(true);
        expect(out.length - text.length).toBeLessThanOrEqual(1);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
      }),
    );
  });
});

describe('isTimeZone', () => {
  it('takes IANA names', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'Mars/Olympus', 'Europe/Paris\n', '../etc', 'a'.repeat(65), 'UTC;x']) {
      expect(isTimeZone(bad), bad).toBe(false);
    }
  });
});

describe('exportFileName', () => {
  it('names the file after the view and the date', () => {
    expect(exportFileName(['negative', 'consent missing'], '2026-12-02')).toBe(
      'callscope-calls_negative-consent-missing_2026-12-02.csv',
    );
    expect(exportFileName([], '2026-12-02')).toBe('callscope-calls_all_2026-12-02.csv');
  });

  it('keeps only safe characters whatever the view says', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (view, date) => {
        expect(exportFileName(view, date)).toMatch(/^[a-z0-9._-]+\.csv$/);
        expect(exportFileName(view, date).length).toBeLessThan(120);
      }),
    );
  });
});
