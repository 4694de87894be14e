import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sweep } from './sweep';

/**
 * A list sorted by a key items keep, paged with skip/limit, that changes between any two page
 * reads: rows are inserted anywhere and deleted anywhere, as on a busy account.
 */
function shiftingList(size: number, changes: { insertAt: number; deleteAt: number[] }[]) {
  let rows = Array.from({ length: size }, (_, i) => ({ id: `r${i}`, key: size - i }));
  let turn = 0;
  const survivors = new Set(rows.map((row) => row.id));
  return {
    survivors,
    fetch: async (skip: number, limit: number) => {
      const page = rows.slice(skip, skip + limit);
      // Each change happens once: a burst of writes during the sweep, as on a busy account. A
      // writer that inserts at the worst place on every read for ever would keep any skip/limit
      // sweep from ending; the periodic reconcile is what catches up after such a storm.
      const change = changes[turn++];
      for (const deleteAt of change?.deleteAt ?? []) {
        if (rows.length === 0) break;
        const deleted = rows[deleteAt % rows.length]!;
        survivors.delete(deleted.id);
        rows = rows.filter((row) => row !== deleted);
      }
      if (change) {
        const at = change.insertAt % (rows.length + 1);
        rows.splice(at, 0, { id: `n${turn}`, key: rows[at]?.key ?? 0 });
      }
      return page;
    },
  };
}

describe('sweep', () => {
  it('reads every row that exists throughout, however the pages shift', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(1, 2, 4),
        fc.integer({ min: 0, max: 200 }),
        fc.array(
          fc.record({ insertAt: fc.nat(), deleteAt: fc.array(fc.nat(), { maxLength: 6 }) }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        async (ahead, size, changes) => {
          const list = shiftingList(size, changes);
          const read = new Set<string>();
          await sweep({
            start: 0,
            limit: 10,
            overlap: 2,
            ahead,
            fetch: (skip) => list.fetch(skip, 10),
            handle: async (items) => {
              for (const item of items) read.add((item as { id: string }).id);
              return false;
            },
            wasRead: (id) => read.has(id),
            checkpoint: () => undefined,
            pause: async () => undefined,
          });
          for (const id of list.survivors) expect(read.has(id), id).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops when the handler says it reached what it had seen', async () => {
    const pages: number[] = [];
    const result = await sweep({
      start: 0,
      limit: 5,
      overlap: 1,
      fetch: async (skip) => Array.from({ length: 5 }, (_, i) => ({ id: `r${skip + i}` })),
      handle: async (_items, skip) => {
        pages.push(skip);
        return pages.length === 3;
      },
      wasRead: () => true,
      checkpoint: () => undefined,
      pause: async () => undefined,
    });
    expect(result.stopped).toBe(true);
    expect(pages).toEqual([0, 4, 8]);
  });

  it('asks for the pages ahead while it indexes one, and uses them in order', async () => {
    const asked: number[] = [];
    const askedWhenHandled: number[][] = [];
    const handled: number[] = [];
    await sweep({
      start: 0,
      limit: 5,
      overlap: 1,
      ahead: 3,
      fetch: async (skip) => {
        asked.push(skip);
        // The last page is short: the list ends there.
        const size = skip >= 12 ? 2 : 5;
        return Array.from({ length: size }, (_, i) => ({ id: `r${skip + i}` }));
      },
      handle: async (_items, skip) => {
        askedWhenHandled.push([...asked]);
        handled.push(skip);
        return false;
      },
      wasRead: () => true,
      checkpoint: () => undefined,
      pause: async () => undefined,
    });
    expect(handled).toEqual([0, 4, 8, 12]);
    expect(askedWhenHandled[0]).toEqual([0, 4, 8, 12]);
    expect(askedWhenHandled[1]).toEqual([0, 4, 8, 12, 16]);
  });
});
