import { useEffect, useRef, type RefObject } from 'react';
import { rowStep } from '../row-step';

export interface KeyboardPaging {
  skip: number;
  limit: number;
  /** A page after this one exists. */
  hasNext: boolean;
  /** The rows on screen are this page's own (not the last page's, kept while it loads). */
  rowsReady: boolean;
  goToSkip(skip: number): void;
}

const rowLinks = () => [...document.querySelectorAll<HTMLAnchorElement>('tbody a[data-row-link]')];

/**
 * The list's keys: "/" goes to the search box; j or k, pressed outside the table, goes to the
 * first row; on a row, j/k or the arrow keys move between rows, and j on the last row (k on the
 * first) goes on to the next (previous) page, whose first (last) row then takes the focus. Typing
 * in a field is never a shortcut.
 */
export function useListKeyboardShortcuts(
  searchRef: RefObject<HTMLInputElement | null>,
  paging: KeyboardPaging,
) {
  const latest = useRef(paging);
  useEffect(() => {
    latest.current = paging;
  });
  const pendingFocus = useRef<{ skip: number; edge: 'first' | 'last' } | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable="true"]')) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        return;
      }
      const letter = event.key === 'j' || event.key === 'k';
      const direction =
        event.key === 'j' || event.key === 'ArrowDown'
          ? 1
          : event.key === 'k' || event.key === 'ArrowUp'
            ? -1
            : 0;
      if (!direction) return;
      const links = rowLinks();
      const current = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (current === -1) {
        // Outside the table only the letters are shortcuts; the arrows scroll the page.
        if (!letter || target.closest('table')) return;
        event.preventDefault();
        links[0]?.focus();
        return;
      }
      const { skip, limit, hasNext, goToSkip } = latest.current;
      const step = rowStep(current, links.length, direction, {
        previousPage: skip > 0,
        nextPage: hasNext,
        acrossPages: letter,
      });
      if (step.kind === 'none') return;
      event.preventDefault();
      if (step.kind === 'row') {
        links[step.index]?.focus();
        return;
      }
      const nextSkip = step.direction === 1 ? skip + limit : Math.max(0, skip - limit);
      pendingFocus.current = { skip: nextSkip, edge: step.direction === 1 ? 'first' : 'last' };
      goToSkip(nextSkip);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchRef]);

  // Once the neighbouring page's own rows are on screen, its first or last row takes the focus.
  useEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted || !paging.rowsReady || paging.skip !== wanted.skip) return;
    pendingFocus.current = null;
    const links = rowLinks();
    (wanted.edge === 'first' ? links[0] : links[links.length - 1])?.focus();
  });
}
