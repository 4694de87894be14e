import type { CallReviewSummary, ReviewStatus } from '@contract';
import { Badge } from '@/components/ui/badge';
import { MISSING } from '@/lib/format';

const REVIEW_LOOK = {
  to_review: { tone: 'neutral', icon: '○', label: 'To review' },
  reviewed: { tone: 'positive', icon: '✓', label: 'Reviewed' },
  follow_up: { tone: 'warning', icon: '⚑', label: 'Follow-up' },
} as const satisfies Record<ReviewStatus, { tone: string; icon: string; label: string }>;

const ratingFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/**
 * A call's review in the list: its state as a shape and a word (never colour alone), and the
 * average rating when someone rated it. A server without reviews sends none: a dash.
 */
export function ReviewSummary({ review }: { review: CallReviewSummary | undefined }) {
  if (!review) return <span className="text-slate-400">{MISSING}</span>;
  const look = REVIEW_LOOK[review.state];
  const rating = review.averageRating;
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge tone={look.tone}>
        <span aria-hidden="true">{look.icon}</span>
        {look.label}
      </Badge>
      {rating === null ? null : (
        <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
          <span aria-hidden="true">★ {ratingFormat.format(rating)}</span>
          <span className="sr-only">
            {review.reviewers > 1 ? 'Average rating' : 'Rating'} {ratingFormat.format(rating)} of 5
          </span>
        </span>
      )}
    </span>
  );
}
