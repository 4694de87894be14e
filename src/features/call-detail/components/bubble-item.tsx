import { Fragment, memo, useCallback, useSyncExternalStore } from 'react';
import type { MomentMarker } from '@/components/call-review-slot';
import { cn } from '@/lib/cn';
import { formatClock } from '@/lib/format';
import type { ActiveStore } from '../transcript/active-store';
import { splitHighlights } from '../transcript/highlight';
import type { Bubble } from '../transcript/normalize';

interface BubbleItemProps {
  bubble: Bubble;
  index: number;
  activeStore: ActiveStore;
  speakerLabel: string;
  query: string;
  /** "fragment:occurrence" of the search hit in focus, when it is in this bubble. */
  focusedMatch: string | null;
  /** Null when there is no audio to seek: times and text are then plain text. */
  onSeek: ((seconds: number) => void) | null;
  /** Comments anchored to a moment of this bubble. */
  markers?: readonly MomentMarker[];
}

function useIsActive(store: ActiveStore, index: number): boolean {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeIndex(index, listener),
    [store, index],
  );
  return useSyncExternalStore(subscribe, () => store.get() === index);
}

/**
 * One bubble: its speaker, its time (the one button) and its text. It subscribes to its own "am I playing?" bit and is memoized, so a change of
 * active bubble re-renders only the old and the new one. Text and search hits are React text
 * nodes, never HTML.
 */
export const BubbleItem = memo(function BubbleItem({
  bubble,
  index,
  activeStore,
  speakerLabel,
  query,
  focusedMatch,
  onSeek,
  markers,
}: BubbleItemProps) {
  const active = useIsActive(activeStore, index);
  const isAgent = bubble.speaker === 'AI';
  const clock = formatClock(bubble.offset);
  return (
    <div
      role="listitem"
      data-bubble={bubble.key}
      aria-current={active ? 'true' : undefined}
      // Focusable from script only, so an evidence link can take the reader here.
      tabIndex={-1}
      className={cn(
        'flex rounded-2xl outline-offset-2 focus:outline-2 focus:outline-amber-500',
        isAgent ? 'justify-start pr-10' : 'justify-end pl-10',
      )}
    >
      <div
        className={cn(
          'max-w-[44rem] rounded-2xl px-3.5 py-2 text-sm leading-relaxed shadow-sm ring-1',
          isAgent ? 'rounded-bl-sm' : 'rounded-br-sm',
          // The highlight thickens inward: a wider outer ring would grow the bubble's painted
          // area, and the browser then rechecks every bubble of the transcript.
          active
            ? 'bg-indigo-50 inset-ring-1 ring-indigo-600 inset-ring-indigo-600'
            : isAgent
              ? 'bg-white ring-slate-200'
              : 'bg-sky-50 ring-sky-200',
        )}
      >
        <div
          className={cn(
            'mb-0.5 flex items-center gap-2 text-xs',
            isAgent ? 'text-slate-600' : 'justify-end text-sky-900',
          )}
        >
          <span className="font-semibold">{speakerLabel}</span>
          {onSeek ? (
            // The bubble's one stop for the keyboard and a screen reader; 24 px square at least,
            // the smallest target a finger or a shaky hand can be asked to hit.
            <button
              type="button"
              onClick={() => onSeek(bubble.offset)}
              className="-my-1 inline-flex min-h-6 min-w-6 items-center justify-center rounded px-1 font-mono tabular-nums hover:text-indigo-700 hover:underline"
              aria-label={`Play from ${clock}`}
            >
              {clock}
            </button>
          ) : (
            <span className="font-mono tabular-nums">{clock}</span>
          )}
          {/* Always laid out, shown only when playing: a change of highlight then repaints two
              bubbles instead of laying out the transcript (milliseconds for a long call). */}
          <span
            className={cn(
              'rounded bg-indigo-600 px-1.5 text-[0.65rem] font-semibold tracking-wide text-white uppercase',
              !active && 'invisible',
            )}
          >
            Current
          </span>
          {markers?.length ? <BubbleMarkers markers={markers} onSeek={onSeek} /> : null}
        </div>
        <p className="text-slate-900">
          {bubble.fragments.map((fragment, fragmentIndex) => {
            const text = (
              <Highlighted
                text={fragment.text}
                query={query}
                focused={
                  focusedMatch?.startsWith(`${fragmentIndex}:`)
                    ? Number(focusedMatch.split(':')[1])
                    : -1
                }
              />
            );
            // Plain text adds no elements: a long call has tens of thousands of fragments. With
            // audio, each is a span the transcript's one click listener seeks from (by mouse);
            // the keyboard and a screen reader meet the text once, as text, after the time.
            return (
              <Fragment key={fragmentIndex}>
                {fragmentIndex > 0 ? ' ' : null}
                {onSeek ? (
                  <span
                    data-seek={fragment.offset}
                    className="cursor-pointer rounded-sm hover:bg-slate-900/5"
                  >
                    {text}
                  </span>
                ) : (
                  text
                )}
              </Fragment>
            );
          })}
        </p>
      </div>
    </div>
  );
});

function Highlighted({ text, query, focused }: { text: string; query: string; focused: number }) {
  let occurrence = 0;
  return splitHighlights(text, query).map((part, partIndex) => {
    if (!part.match) return <Fragment key={partIndex}>{part.text}</Fragment>;
    const current = occurrence++ === focused;
    return (
      <mark
        key={partIndex}
        data-current-match={current ? '' : undefined}
        className={cn(
          'rounded-sm px-0.5 text-inherit',
          // Dark text on amber in both themes: the palette's light text would not read on it.
          current ? 'bg-amber-400 text-black outline-2 outline-amber-700' : 'bg-amber-200',
        )}
      >
        {part.text}
      </mark>
    );
  });
}

/** The comments anchored in this bubble, each a way to its moment. */
function BubbleMarkers({
  markers,
  onSeek,
}: {
  markers: readonly MomentMarker[];
  onSeek: ((seconds: number) => void) | null;
}) {
  return markers.map((marker) =>
    onSeek ? (
      <button
        key={marker.id}
        type="button"
        onClick={() => onSeek(marker.seconds)}
        aria-label={marker.label}
        title={marker.label}
        className="inline-flex min-h-6 items-center gap-0.5 rounded-full border border-violet-300 bg-violet-50 px-1.5 text-violet-900 hover:bg-violet-100"
      >
        <span aria-hidden="true">✎</span>
        {formatClock(marker.seconds)}
      </button>
    ) : (
      <span key={marker.id} title={marker.label} className="text-violet-900">
        <span aria-hidden="true">✎ </span>
        <span className="sr-only">{marker.label}</span>
      </span>
    ),
  );
}
