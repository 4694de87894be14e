import { memo } from 'react';
import { cn } from '@/lib/cn';
import { formatClock } from '@/lib/format';
import { splitHighlights } from '../transcript/highlight';
import type { Bubble } from '../transcript/normalize';

interface BubbleItemProps {
  bubble: Bubble;
  agentName: string;
  active: boolean;
  query: string;
  focusedMatch: boolean;
  onSeek(seconds: number): void;
}

/**
 * One bubble. Memoized, so a change of the active bubble re-renders only the old and the new
 * one; text (and search hits) are React text nodes, never HTML.
 */
export const BubbleItem = memo(function BubbleItem({
  bubble,
  agentName,
  active,
  query,
  focusedMatch,
  onSeek,
}: BubbleItemProps) {
  const isAgent = bubble.speaker === 'AI';
  const name = isAgent
    ? agentName
    : bubble.speaker === 'USER'
      ? 'Caller'
      : bubble.speakerName || 'Unknown speaker';
  return (
    <li
      data-bubble={bubble.key}
      aria-current={active ? 'true' : undefined}
      className={cn('flex', isAgent ? 'justify-start' : 'justify-end')}
    >
      <div
        className={cn(
          'max-w-[80%] rounded-2xl px-3.5 py-2 text-sm leading-relaxed shadow-sm ring-1 transition-colors',
          isAgent
            ? 'rounded-bl-sm bg-white ring-slate-200'
            : 'rounded-br-sm bg-indigo-50 ring-indigo-100',
          active && 'ring-2 ring-indigo-600',
          focusedMatch && 'ring-2 ring-amber-500',
        )}
      >
        <div className="mb-0.5 flex items-center gap-2 text-xs text-slate-700">
          <span className="font-semibold text-slate-700">{name}</span>
          <button
            type="button"
            onClick={() => onSeek(bubble.offset)}
            className="font-mono tabular-nums hover:text-indigo-700 hover:underline"
            aria-label={`Play from ${formatClock(bubble.offset)}`}
          >
            {formatClock(bubble.offset)}
          </button>
          {active ? <span className="sr-only">(playing)</span> : null}
        </div>
        <p>
          {bubble.fragments.map((fragment, index) => (
            <span key={index}>
              {index > 0 ? ' ' : null}
              <button
                type="button"
                onClick={() => onSeek(fragment.offset)}
                className="cursor-pointer text-left text-slate-900 hover:underline hover:decoration-slate-300"
              >
                {splitHighlights(fragment.text, query).map((part, partIndex) =>
                  part.match ? (
                    <mark key={partIndex} className="rounded bg-amber-200 px-0.5 text-inherit">
                      {part.text}
                    </mark>
                  ) : (
                    <span key={partIndex}>{part.text}</span>
                  ),
                )}
              </button>
            </span>
          ))}
        </p>
      </div>
    </li>
  );
});
