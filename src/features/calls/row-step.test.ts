import { describe, expect, it } from 'vitest';
import { rowStep } from './row-step';

const both = { previousPage: true, nextPage: true, acrossPages: true };

describe('rowStep', () => {
  it('moves within the page', () => {
    expect(rowStep(0, 25, 1, both)).toEqual({ kind: 'row', index: 1 });
    expect(rowStep(24, 25, -1, both)).toEqual({ kind: 'row', index: 23 });
  });

  it('goes on to the next page from the last row, and back from the first', () => {
    expect(rowStep(24, 25, 1, both)).toEqual({ kind: 'page', direction: 1 });
    expect(rowStep(0, 25, -1, both)).toEqual({ kind: 'page', direction: -1 });
  });

  it('stops at the ends of the list, and for keys that stay on the page', () => {
    expect(rowStep(24, 25, 1, { ...both, nextPage: false })).toEqual({ kind: 'none' });
    expect(rowStep(0, 25, -1, { ...both, previousPage: false })).toEqual({ kind: 'none' });
    expect(rowStep(24, 25, 1, { ...both, acrossPages: false })).toEqual({ kind: 'none' });
    expect(rowStep(0, 0, 1, both)).toEqual({ kind: 'none' });
  });
});
