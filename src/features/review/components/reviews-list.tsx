import type { Review } from '@contract';
import { Badge } from '@/components/ui/badge';
import { STATUS_LABELS, STATUS_SIGNS } from '../review-words';
import { When } from './when';

const TONES = { to_review: 'neutral', reviewed: 'positive', follow_up: 'warning' } as const;

/** Everyone's verdict on the call: name, rating and status, mine marked. */
export function ReviewsList({
  reviews,
  me,
  now,
}: {
  reviews: readonly Review[];
  me: string | null;
  now: number;
}) {
  if (reviews.length === 0) {
    return <p className="text-sm text-slate-500">Nobody has reviewed this call yet.</p>;
  }
  return (
    <ul aria-label="Reviews" className="flex flex-col gap-1.5 text-sm">
      {reviews.map((review) => (
        <li key={review.reviewer} className="flex flex-col gap-0.5">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium break-all text-slate-900">
              {review.reviewer}
              {review.reviewer === me ? <span className="text-slate-500"> (you)</span> : null}
            </span>
            <span className="text-slate-700">
              {review.rating === null ? 'no rating' : `${review.rating} of 5`}
            </span>
            <Badge tone={TONES[review.status]}>
              <span aria-hidden="true">{STATUS_SIGNS[review.status]}</span>
              {STATUS_LABELS[review.status]}
            </Badge>
            <span className="text-xs text-slate-500">
              <When iso={review.updatedAt} now={now} />
            </span>
          </div>
          {review.status === 'follow_up' && review.followUpReason ? (
            <p className="text-xs whitespace-pre-wrap text-slate-700">
              Reason: {review.followUpReason}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
