import { useEffect, useRef } from 'react';
import { isLeftAlone } from '@/lib/shortcut-target';

export interface ReviewKeyActions {
  rate(rating: number): void;
  comment(): void;
  markReviewed(): void;
  flag(): void;
}

/** The review's keys on the call page (listed in the "?" dialog): 1–5, c, r and f. */
export const REVIEW_KEYS = ['1', '2', '3', '4', '5', 'c', 'r', 'f'] as const;

/**
 * A radio or a checkbox takes no letters or digits, and a click on a rating leaves focus there:
 * the review's keys still work from it (outside a dialog, without a modifier).
 */
function onChoice(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLInputElement &&
    (target.type === 'radio' || target.type === 'checkbox') &&
    !target.closest('dialog') &&
    !event.defaultPrevented &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.altKey
  );
}

/**
 * 1–5 rate, `c` comments at the current moment, `r` marks reviewed, `f` flags for follow-up.
 * Like the player's keys, they leave a text field, a dialog or a modified press alone.
 */
export function useReviewShortcuts(actions: ReviewKeyActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isLeftAlone(event) && !onChoice(event)) return;
      const { rate, comment, markReviewed, flag } = latest.current;
      const keys: Record<string, (() => void) | undefined> = {
        c: comment,
        r: markReviewed,
        f: flag,
      };
      const run = /^[1-5]$/.test(event.key) ? () => rate(Number(event.key)) : keys[event.key];
      if (!run) return;
      // Before focus moves to a box, or the key would be typed into it.
      event.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
