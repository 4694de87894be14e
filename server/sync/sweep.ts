/**
 * Reads a whole list sorted by a key that existing items keep (for example `timestampStart`),
 * with skip/limit pages that shift while it reads them: calls created (or deleted) meanwhile move
 * every later row. Each page after the first starts `overlap` rows before where the last one
 * ended, and its first row must be one this sweep already read. If it is not (or the page is
 * empty), the rows moved by more than the overlap, so the sweep steps back a page and reads again. Rows read twice are
 * harmless (the store dedupes by id), and no row that existed throughout can be passed over.
 * Calls created meanwhile ahead of the sweep's position are found by the pass after it.
 */
export interface SweepOptions<Item> {
  /** Where to start: 0, or a checkpoint of an interrupted sweep. */
  start: number;
  limit: number;
  overlap: number;
  fetch(skip: number): Promise<Item[]>;
  /** Indexes a page; true stops the sweep (the incremental pass reached what it had seen). */
  handle(items: Item[], skip: number): Promise<boolean>;
  /** Was this id read by this sweep (or by the interrupted run it resumes)? */
  wasRead(id: string): boolean | Promise<boolean>;
  /** After each page: the position to resume from after a crash (written before the next page). */
  checkpoint(next: number): void | Promise<void>;
  /** Between pages, so the server's own requests are served first. */
  pause(): Promise<void>;
  /** How many pages are requested ahead of the one being indexed (1 unless told). */
  ahead?: number;
}

export interface SweepResult {
  rows: number;
  stepsBack: number;
  stopped: boolean;
}

const idOf = (item: unknown): string | undefined => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

export async function sweep<Item>(options: SweepOptions<Item>): Promise<SweepResult> {
  const { limit, overlap } = options;
  const ahead = Math.max(1, options.ahead ?? 1);
  let next = options.start;
  let rows = 0;
  let stepsBack = 0;
  const skipOf = (position: number) => (position === 0 ? 0 : Math.max(0, position - overlap));
  // The pages after this one are requested while it is indexed, each where it would start if
  // every page before it is full; one is used only if it starts right.
  let pending = [fetchAt(skipOf(next))];
  let lastSkip = skipOf(next);
  const fillAhead = () => {
    while (pending.length < ahead) {
      lastSkip = skipOf(lastSkip + limit);
      pending.push(fetchAt(lastSkip));
    }
  };
  const dropAhead = () => {
    pending = [];
  };
  for (;;) {
    const { skip, items } = await pending.shift()!;
    const anchor = items.map(idOf).find((id) => id !== undefined);
    // An empty page past the start may only mean that rows before it went away.
    const unanchored = anchor === undefined ? items.length === 0 : !(await options.wasRead(anchor));
    if (skip > 0 && unanchored) {
      stepsBack++;
      next = Math.max(0, skip - (limit - overlap));
      lastSkip = skipOf(next);
      pending = [fetchAt(lastSkip)];
      continue;
    }
    const full = items.length === limit;
    const speculative = skip + items.length;
    if (full) {
      if (pending.length === 0) {
        lastSkip = skipOf(speculative);
        pending.push(fetchAt(lastSkip));
      }
      fillAhead();
    } else dropAhead();
    const stop = await options.handle(items, skip);
    rows += items.length;
    next = speculative;
    await options.checkpoint(next);
    if (!full || stop) {
      dropAhead();
      return { rows, stepsBack, stopped: stop };
    }
    await options.pause();
  }

  function fetchAt(skip: number): Promise<{ skip: number; items: Item[] }> {
    const promise = options.fetch(skip).then((items) => ({ skip, items }));
    // Handled when awaited; a page dropped after a failure must not be an unhandled rejection.
    promise.catch(() => undefined);
    return promise;
  }
}
