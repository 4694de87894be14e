import fc from 'fast-check';
import { expect, it } from 'vitest';
import { offsetAt } from '../../contract';
import { localTimeFormat } from './export-columns';
import { localTimeText } from './local-time-text';

const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
];

it('writes exactly what the Intl format writes, across offset changes and odd offsets', () => {
  let changes = 0;
  for (const zone of ZONES) {
    const local = localTimeFormat(zone);
    const text = localTimeText(zone, local);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
          // Around the 2026 changes of the northern and southern hemispheres, to the second.
          fc.integer({ min: Date.UTC(2026, 2, 28), max: Date.UTC(2026, 3, 6) }),
          fc.integer({ min: Date.UTC(2026, 9, 24), max: Date.UTC(2026, 10, 3) }),
          fc.integer({ min: -62_000_000_000_000, max: 300_000_000_000_000 }),
        ),
        (ms) => {
          expect(text(ms)).toBe(local.format(ms));
        },
      ),
      { numRuns: 400 },
    );
    // Around each offset change of 2026 (inside a UTC hour in St John's, Lord Howe, Chatham).
    for (let hour = Date.UTC(2026, 0, 1); hour < Date.UTC(2027, 0, 1); hour += 3_600_000) {
      if (offsetAt(hour, zone) === offsetAt(hour + 3_600_000, zone)) continue;
      changes++;
      for (let ms = hour - 3_600_000; ms < hour + 7_200_000; ms += 4_001) {
        expect(text(ms)).toBe(local.format(ms));
      }
    }
  }
  expect(changes).toBe(10);
});
