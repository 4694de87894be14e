import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { MomentMarker } from '@/components/call-review-slot';
import { Button } from '@/components/ui/button';
import { matchKey, type SearchMatch } from '../search/find-matches';
import type { ActiveStore } from '../transcript/active-store';
import type { Bubble } from '../transcript/normalize';
import { BubbleItem } from './bubble-item';
import { bubbleElement, chunkBubbles } from './bubble-chunks';
import { useAutoscroll } from './use-autoscroll';

const NO_BUBBLES: readonly Bubble[] = [];

/** A short bubble's height and the gap after it, in px: the least a bubble takes. */
const BUBBLE_MIN_HEIGHT = 56;
const pendingHeight = (count: number) => `min(100svh, ${count * BUBBLE_MIN_HEIGHT}px)`;

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

interface TranscriptViewProps {
  bubbles: readonly Bubble[];
  activeStore: ActiveStore;
  agentName: string;
  callerName: string | null;
  /** The transcript is stored elsewhere (a string reference): say so, never fetch it. */
  storedElsewhere?: boolean;
  query: string;
  focusedMatch: SearchMatch | null;
  /** A bubble to bring into view and focus (an evidence link); the nonce repeats a request. */
  reveal: { bubble: number; nonce: number } | null;
  onSeek: ((seconds: number) => void) | null;
  /** Comment markers by bubble index. */
  markers?: ReadonlyMap<number, readonly MomentMarker[]>;
}

/**
 * The transcript. It never re-renders for playback: bubbles follow the active store themselves,
 * and following the active bubble is a scroll, not a render.
 */
export const TranscriptView = memo(function TranscriptView({
  bubbles,
  activeStore,
  agentName,
  callerName,
  query,
  focusedMatch,
  reveal,
  onSeek,
  storedElsewhere = false,
  markers,
}: TranscriptViewProps) {
  const list = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const { scrollToBubble, followBubble } = useAutoscroll(list);
  // The page (and its player) appears first; a long transcript fills in just after, so the
  // audio is ready as soon as it can be rather than after thousands of bubbles.
  const shown = useDeferredValue(bubbles, NO_BUBBLES);
  const chunks = useMemo(() => chunkBubbles(shown), [shown]);

  useEffect(() => {
    if (!following) return;
    scrollToBubble(activeStore.get(), 'instant');
    return activeStore.subscribe(followBubble);
  }, [activeStore, following, scrollToBubble, followBubble, shown]);

  useEffect(() => {
    if (focusedMatch) scrollToBubble(focusedMatch.bubble, 'instant');
  }, [focusedMatch, scrollToBubble]);

  useEffect(() => {
    if (!reveal) return;
    scrollToBubble(reveal.bubble, 'instant');
    if (list.current) bubbleElement(list.current, reveal.bubble)?.focus({ preventScroll: true });
  }, [reveal, scrollToBubble]);

  // One listener seeks from whichever sentence is clicked: a sentence is no control of its own,
  // so the keyboard and a screen reader stop once per bubble, at its time.
  useEffect(() => {
    const element = list.current;
    if (!element || !onSeek) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const sentence = target?.closest<HTMLElement>('[data-seek]');
      // Selecting text to copy it is not a request to seek.
      if (!sentence || window.getSelection()?.isCollapsed === false) return;
      onSeek(Number(sentence.dataset.seek));
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [onSeek, bubbles.length]);

  // Only the reader's own gestures stop following; the app's own scrolling never does.
  useEffect(() => {
    const element = list.current;
    if (!element || !following) return;
    const stop = () => setFollowing(false);
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key)) stop();
    };
    const onPointer = (event: PointerEvent) => {
      // A drag of the scrollbar lands on the list itself, not on a bubble.
      if (event.target === element) stop();
    };
    element.addEventListener('wheel', stop, { passive: true });
    element.addEventListener('touchmove', stop, { passive: true });
    element.addEventListener('keydown', onKey);
    element.addEventListener('pointerdown', onPointer);
    return () => {
      element.removeEventListener('wheel', stop);
      element.removeEventListener('touchmove', stop);
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('pointerdown', onPointer);
    };
  }, [following, bubbles.length]);

  if (bubbles.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        {storedElsewhere
          ? 'This call’s transcript is stored elsewhere, not in this API, so it cannot be shown here.'
          : 'This call has no transcript.'}
      </p>
    );
  }
  const agentLabel = `${agentName} (AI)`;
  const callerLabel = callerName ? `${callerName} (caller)` : 'Caller';
  return (
    <div className="relative">
      <div
        ref={list}
        role="list"
        aria-label="Transcript"
        // A scrolling region must be reachable from the keyboard, even with no buttons inside.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- axe scrollable-region-focusable
        tabIndex={0}
        // A box of its own on a desktop; below that the page scrolls it, under the sticky player.
        className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:max-h-[min(62vh,44rem)] lg:overflow-y-auto lg:overscroll-contain"
        // Until the bubbles are in, about their height, up to a screen's: what follows the
        // transcript (the analytics, on a phone) does not show and then jump down.
        style={shown === bubbles ? undefined : { minHeight: pendingHeight(bubbles.length) }}
      >
        {chunks.map((chunk) => (
          // Groups of bubbles, each its own layer (isolate): a change of highlight lays out and
          // repaints one group, where one flat column made the browser walk all 5,000 bubbles.
          <div key={chunk.first} role="none" className="isolate flex flex-col gap-2">
            {chunk.bubbles.map((bubble, offset) => {
              const index = chunk.first + offset;
              return (
                <BubbleItem
                  key={bubble.key}
                  bubble={bubble}
                  index={index}
                  activeStore={activeStore}
                  speakerLabel={
                    bubble.speaker === 'AI'
                      ? agentLabel
                      : bubble.speaker === 'USER'
                        ? callerLabel
                        : bubble.speakerName || 'Unknown speaker'
                  }
                  query={query}
                  focusedMatch={focusedMatch?.bubble === index ? matchKey(focusedMatch) : null}
                  onSeek={onSeek}
                  markers={markers?.get(index)}
                />
              );
            })}
          </div>
        ))}
      </div>
      {following ? null : (
        <Button
          variant="primary"
          size="sm"
          className="absolute right-5 bottom-3 z-30 shadow-md max-lg:fixed max-lg:right-4 max-lg:bottom-4"
          onClick={() => setFollowing(true)}
        >
          <span aria-hidden="true">↓</span> Follow playback
        </Button>
      )}
    </div>
  );
});
