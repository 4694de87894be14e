import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkCalls, type CallOrder, type CallStep } from './walk-calls';

const order: CallOrder = { ids: ['a', 'b', 'c', 'd'], moreBefore: false, moreAfter: false };
const j: CallStep = 'next';
const k: CallStep = 'previous';

describe('walkCalls', () => {
  it('j then k comes back to the start', () => {
    expect(walkCalls(order, 'b', [j, k])).toEqual({ id: 'b', unresolved: [] });
  });

  it('j, j, k lands on the next call', () => {
    expect(walkCalls(order, 'b', [j, j, k])).toEqual({ id: 'c', unresolved: [] });
  });

  it('stays at the true ends of the list and goes on from there', () => {
    expect(walkCalls(order, 'd', [j, j, k])).toEqual({ id: 'c', unresolved: [] });
    expect(walkCalls(order, 'a', [k, j])).toEqual({ id: 'b', unresolved: [] });
  });

  it('leaves the steps beyond a known stretch for when more of the list is loaded', () => {
    const page = { ...order, moreAfter: true, moreBefore: true };
    expect(walkCalls(page, 'c', [j, j, k])).toEqual({ id: 'd', unresolved: [j, k] });
    expect(walkCalls(page, 'a', [k, j])).toEqual({ id: 'a', unresolved: [k, j] });
  });

  it('does nothing for a call that is not in the order', () => {
    expect(walkCalls(order, 'x', [j])).toEqual({ id: 'x', unresolved: [] });
  });

  it('in one long order, lands where the steps add up to, clamped to the ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.array(fc.constantFrom(j, k), { maxLength: 40 }),
        (length, start, steps) => {
          const ids = Array.from({ length }, (_, index) => `c${index}`);
          let expected = start % length;
          for (const step of steps)
            expected = Math.min(length - 1, Math.max(0, expected + (step === j ? 1 : -1)));
          const walked = walkCalls(
            { ids, moreBefore: false, moreAfter: false },
            ids[start % length]!,
            steps,
          );
          expect(walked).toEqual({ id: ids[expected], unresolved: [] });
        },
      ),
    );
  });
});
