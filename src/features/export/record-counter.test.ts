import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRecords, NO_RECORDS } from './record-counter';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The CSV of `rows` as a server writes it: every cell quoted when it needs to be, CRLF. */
function csvOf(rows: string[][]): string {
  const cell = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('');
}

describe('countRecords', () => {
  it('counts line ends outside quoted cells only', () => {
    const text = '\uFEFFid,summary\r\nc1,"two\r\nlines"\r\nc2,"a ""quoted"" word"\r\nc3,plain\r\n';
    expect(countRecords(NO_RECORDS, bytes(text))).toEqual({ records: 4, inQuotes: false });
  });

  it('gives the same count however the bytes are split', () => {
    const row = fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.array(fc.nat()), (rows, cuts) => {
        const all = bytes(csvOf(rows));
        const points = [...new Set(cuts.map((cut) => cut % (all.length + 1)))].sort(
          (a, b) => a - b,
        );
        let count = NO_RECORDS;
        let from = 0;
        for (const point of [...points, all.length]) {
          count = countRecords(count, all.subarray(from, point));
          from = point;
        }
        expect(count).toEqual({ records: rows.length, inQuotes: false });
      }),
    );
  });
});
