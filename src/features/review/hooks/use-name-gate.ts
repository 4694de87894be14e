import { useRef, useState } from 'react';
import { setReviewerName } from '../reviewer-name-store';

/**
 * Runs a review action at once when the reviewer is known; otherwise asks for a name first and
 * runs it once one is given. Cancelling drops the action.
 */
export function useNameGate(known: boolean) {
  const waiting = useRef<(() => void) | null>(null);
  const [asking, setAsking] = useState(false);
  return {
    asking,
    run(action: () => void) {
      if (known) {
        action();
        return;
      }
      waiting.current = action;
      setAsking(true);
    },
    save(raw: string): boolean {
      if (setReviewerName(raw) === null) return false;
      setAsking(false);
      const action = waiting.current;
      waiting.current = null;
      // Its write refetches the review, and with it "me" as the server now knows it.
      action?.();
      return true;
    },
    cancel() {
      waiting.current = null;
      setAsking(false);
    },
  };
}
