import { cn } from '@/lib/cn';

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * My rating as a group of native radios: arrows move within it, and the page's 1–5 keys do the
 * same from anywhere else. The chosen one is filled and starred, not only coloured.
 */
export function RatingGroup({
  value,
  onRate,
}: {
  value: number | null;
  onRate(rating: number): void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <legend className="float-left mr-3 text-sm text-slate-600">Your rating</legend>
      <div className="flex gap-1">
        {RATINGS.map((rating) => {
          const chosen = value === rating;
          return (
            <label
              key={rating}
              className={cn(
                'relative inline-flex h-8 min-w-9 cursor-pointer items-center justify-center gap-0.5 rounded-md border px-1.5 text-sm font-medium focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600',
                chosen
                  ? 'border-indigo-700 bg-indigo-600 text-white'
                  : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
              )}
            >
              <input
                type="radio"
                name="review-rating"
                value={rating}
                checked={chosen}
                onChange={() => onRate(rating)}
                className="sr-only"
                aria-label={`${rating} of 5`}
              />
              <span aria-hidden="true">{chosen ? '★' : ''}</span>
              {rating}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
