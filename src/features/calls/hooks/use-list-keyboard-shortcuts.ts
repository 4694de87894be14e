import { useEffect, type RefObject } from 'react';

/**
 * The list's page-wide keys: "/" goes to the search box; j or k, pressed outside the table, goes
 * to the first row (inside the table the table itself moves between rows). Typing in a field is
 * never a shortcut.
 */
export function useListKeyboardShortcuts(searchRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable="true"]')) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if ((event.key === 'j' || event.key === 'k') && !target.closest('table')) {
        event.preventDefault();
        document.querySelector<HTMLAnchorElement>('a[data-row-link]')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchRef]);
}
