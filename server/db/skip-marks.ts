import {
  afterMarkPageSql,
  markSql,
  ordering,
  orderKey,
  type ListQuery,
  type Mark,
  type SeekMark,
  type Sql,
} from './list-plan';
import type { Db } from './open-database';

export interface SkipMarkOptions {
  /** Every `stride`-th row is marked, so a marked page walks fewer entries than this. */
  stride: number;
  /** Below this skip a page walks from the start. */
  minSkip: number;
}

/** Below 20,000 the plain OFFSET walk is already well under a millisecond. */
export const DEFAULT_SKIP_MARKS: SkipMarkOptions = { stride: 4_096, minSkip: 20_000 };

const seekable = (mark: Mark | undefined): mark is SeekMark =>
  mark !== undefined && mark.key !== null;

/**
 * Deep pages of the unfiltered or status-filtered list without walking every skipped entry.
 * An OFFSET steps through each skipped index entry because SQLite's B-trees keep no counts, so
 * skip 500,000 walks half a million entries. Instead, the first deep page of an order notes
 * where every `stride`-th row is (`buildMarks`: one walk of the index, in hops from mark to mark);
 * later pages seek to the nearest mark before them and walk the rest. Marks are kept until the
 * next write, which may move any row.
 *
 * `page` returns null when marks cannot answer exactly; the caller then walks from the start.
 */
export function createSkipMarks(
  db: Db,
  rids: (sql: Sql) => number[],
  { stride, minSkip }: SkipMarkOptions = DEFAULT_SKIP_MARKS,
) {
  let marksByOrder = new Map<string, Mark[]>();

  const markAt = (sql: Sql) => db.prepare<unknown[], Mark>(sql.text).get(...sql.params);

  /**
   * The row `stride` rows on from the last mark, at `position`: a seek and a short walk from a
   * mark with a sort value. The NULLs come first in ascending order: they are hopped through by
   * id, and the first row past them is found by walking from the start, once. Descending, they
   * come last, where no mark is needed (a page there is read from the other end), so the marks
   * stop at them.
   */
  function nextMark(query: ListQuery, previous: Mark | undefined, position: number) {
    if (previous === undefined) return markAt(markSql({ ...query, skip: position }, null));
    const hop = { ...query, skip: stride - 1 };
    if (seekable(previous)) return markAt(markSql(hop, previous));
    if (ordering(query).direction === 'DESC') return undefined;
    return markAt(markSql(hop, previous)) ?? markAt(markSql({ ...query, skip: position }, null));
  }

  /** marks[j] is the row at position (j + 1) * stride - 1, for as far as marks go. */
  function buildMarks(query: ListQuery): Mark[] {
    const marks: Mark[] = [];
    for (;;) {
      const next = nextMark(query, marks.at(-1), (marks.length + 1) * stride - 1);
      if (next === undefined) return marks;
      marks.push(next);
    }
  }

  function marksOf(query: ListQuery): Mark[] {
    const key = orderKey(query);
    let marks = marksByOrder.get(key);
    if (!marks) {
      marks = buildMarks(query);
      marksByOrder.set(key, marks);
    }
    return marks;
  }

  /** The last seekable mark at or before `skip`, and how far past it the page starts. */
  function nearestMark(marks: Mark[], skip: number): { mark: SeekMark; offset: number } | null {
    for (let j = Math.min(Math.floor(skip / stride), marks.length) - 1; j >= 0; j--) {
      const mark = marks[j];
      if (seekable(mark)) return { mark, offset: skip - (j + 1) * stride };
    }
    return null;
  }

  function page(query: ListQuery): number[] | null {
    if (query.skip < minSkip) return null;
    const nearest = nearestMark(marksOf(query), query.skip);
    if (!nearest) return null;
    const found = rids(afterMarkPageSql({ ...query, skip: nearest.offset }, nearest.mark));
    // Descending, NULL sort values come last and are not after any mark: a short page may lack
    // them. A full page never does, since every row before its end has a sort value.
    const complete = found.length === query.limit || ordering(query).direction === 'ASC';
    return complete ? found : null;
  }

  return {
    page,
    /** Call after every committed write: any row may have moved. */
    invalidate: () => {
      marksByOrder = new Map();
    },
  };
}
