import type { ReviewComment } from '@contract';
import type { MomentMarker } from '@/components/call-review-slot';
import { formatClock } from '@/lib/format';

const LABEL_TEXT = 60;

/** Anchored comments as markers, in time order; a comment on the whole call has none. */
export function commentMarkers(comments: readonly ReviewComment[]): MomentMarker[] {
  return comments
    .filter((comment): comment is ReviewComment & { atSeconds: number } => {
      return comment.atSeconds !== null;
    })
    .sort((left, right) => left.atSeconds - right.atSeconds)
    .map((comment) => ({
      id: comment.id,
      seconds: comment.atSeconds,
      label: `Comment by ${comment.author} at ${formatClock(comment.atSeconds)}: ${clip(comment.text)}`,
    }));
}

function clip(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > LABEL_TEXT ? `${chars.slice(0, LABEL_TEXT - 1).join('')}…` : chars.join('');
}
