import { useCallback, useEffect, useRef } from 'react';
import { useReviewNext } from '@/lib/use-review-next';
import { isLeftAlone } from '../shortcut-target';

/**
 * "Review next" from this call: Shift+J, or the header's button. It walks the list the call
 * was opened from (the page that holds it), or the default list for a call opened from a link.
 */
export function useReviewNextKey(id: string, listSearch: string | null | undefined) {
  const reviewNext = useReviewNext();
  const place = useRef({ id, listSearch });
  useEffect(() => {
    place.current = { id, listSearch };
  });
  const { open } = reviewNext;
  const openNext = useCallback(() => {
    const { id, listSearch } = place.current;
    open({ id, listSearch: listSearch ?? '' });
  }, [open]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'J' || !event.shiftKey || isLeftAlone(event)) return;
      event.preventDefault();
      openNext();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openNext]);

  return { reviewNext, openNext };
}
