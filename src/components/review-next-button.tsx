import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import type { ReviewNext } from '@/lib/use-review-next';

interface ReviewNextButtonProps {
  reviewNext: ReviewNext;
  onPress(): void;
  /** The key that does the same, shown on the button (the call page's Shift+J). */
  shortcut?: string;
}

/** "Review next", with why nothing opened said beside it (announced as a status). */
export function ReviewNextButton({ reviewNext, onPress, shortcut }: ReviewNextButtonProps) {
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" onClick={onPress} aria-busy={reviewNext.busy} aria-keyshortcuts={shortcut}>
        Review next
        {shortcut ? <Kbd aria-hidden="true">{shortcut}</Kbd> : null}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {reviewNext.busy ? 'Finding the next call to review…' : (reviewNext.message ?? '')}
      </span>
    </span>
  );
}
