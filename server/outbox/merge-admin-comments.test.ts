import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdminComment } from '../../contract';
import { mergeAdminComments } from './merge-admin-comments';
import { reviewerOfEntry, VERDICT_PREFIX, verdictEntry } from './verdict-entry';

const names = fc.constantFrom<string>('Dana', 'Dana Reyes', 'Lee', 'Sam O’Neil', 'Ana 👩‍⚕️', 'Lee ');
const entryOf = (reviewer: string, rating: number, note = ''): AdminComment =>
  verdictEntry({
    reviewer,
    rating,
    status: 'reviewed',
    followUpReason: null,
    comments: note ? [{ text: note, atSeconds: null }] : [],
    generation: 1,
  });

/** Entries nobody in Callscope wrote, including ones that break the contract. */
const foreign = fc.oneof(
  fc.record({
    comment: fc.string().filter((text) => !text.startsWith(VERDICT_PREFIX)),
    rating: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ comment: fc.constant('[Callscope review]'), rating: fc.integer() }),
  fc.constantFrom(null, 7, 'free text', { rating: 9 }),
);

describe('mergeAdminComments', () => {
  it('leaves one entry per reviewer of ours and every other entry where it was', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            foreign,
            names.map((name) => entryOf(name, 3, 'old')),
          ),
        ),
        fc.uniqueArray(fc.tuple(names, fc.integer({ min: 1, max: 5 })), {
          selector: ([name]) => name,
        }),
        (theirs, verdicts) => {
          const ours = new Map(verdicts.map(([name, rating]) => [name, entryOf(name, rating)]));
          const merged = mergeAdminComments(theirs, ours);
          for (const [name, entry] of ours) {
            expect(merged.filter((item) => reviewerOfEntry(item) === name)).toEqual([entry]);
          }
          const others = (list: readonly unknown[]) =>
            list.filter((item) => !ours.has(reviewerOfEntry(item) ?? '\u0000'));
          expect(others(merged)).toEqual(others(theirs));
          expect(mergeAdminComments(merged, ours)).toEqual(merged);
        },
      ),
    );
  });

  it('tells reviewers apart by the whole first line', () => {
    const dana = entryOf('Dana', 5);
    const merged = mergeAdminComments(
      [entryOf('Dana Reyes', 2), entryOf('Dana', 1)],
      new Map([['Dana', dana]]),
    );
    expect(merged).toEqual([entryOf('Dana Reyes', 2), dana]);
  });
});

/**
 * Writers against an API that replaces the array whole but honours If-Match: each reads, merges
 * and writes, and re-reads when its write is refused. Reviewers write their verdicts; foreign
 * clients add entries of their own. Any interleaving ends with every reviewer's last verdict
 * once and every foreign entry kept.
 */
type Writer = {
  kind: 'reviewer' | 'foreign';
  name: string;
  todo: AdminComment[];
  read: { entries: unknown[]; version: number } | null;
};

describe('interleaved read-merge-write with conditional writes', () => {
  it('loses no entry whatever the order of steps', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(names, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (reviewers, ratings, foreignCount, schedule) => {
          const api = { entries: [{ comment: 'from Trata', rating: 4 }] as unknown[], version: 0 };
          const writers: Writer[] = [
            ...reviewers.map((name, i) => ({
              kind: 'reviewer' as const,
              name,
              todo: ratings.map((rating, j) => entryOf(name, ((rating + i + j) % 5) + 1, `v${j}`)),
              read: null,
            })),
            ...Array.from({ length: foreignCount }, (_, i) => ({
              kind: 'foreign' as const,
              name: `f${i}`,
              todo: [{ comment: `foreign ${i}`, rating: 2 }],
              read: null,
            })),
          ];
          const step = (writer: Writer) => {
            if (writer.todo.length === 0) return;
            if (!writer.read) {
              writer.read = { entries: [...api.entries], version: api.version };
              return;
            }
            const entry = writer.todo[0]!;
            const next =
              writer.kind === 'reviewer'
                ? mergeAdminComments(writer.read.entries, new Map([[writer.name, entry]]))
                : [...writer.read.entries, entry];
            if (writer.read.version === api.version) {
              api.entries = next;
              api.version++;
              writer.todo.shift();
            }
            writer.read = null; // refused (412) or done: read again before the next write
          };
          for (const pick of schedule) step(writers[pick % writers.length]!);
          while (writers.some((writer) => writer.todo.length > 0)) writers.forEach(step);

          for (const [i, name] of reviewers.entries()) {
            const last = ratings.length - 1;
            const expected = entryOf(name, ((ratings[last]! + i + last) % 5) + 1, `v${last}`);
            expect(api.entries.filter((item) => reviewerOfEntry(item) === name)).toEqual([
              expected,
            ]);
          }
          expect(api.entries).toContainEqual({ comment: 'from Trata', rating: 4 });
          for (let i = 0; i < foreignCount; i++) {
            expect(api.entries).toContainEqual({ comment: `foreign ${i}`, rating: 2 });
          }
        },
      ),
    );
  });
});
