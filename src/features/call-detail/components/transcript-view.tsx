import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Bubble } from '../transcript/normalize';
import { BubbleItem } from './bubble-item';

interface TranscriptViewProps {
  bubbles: readonly Bubble[];
  agentName: string;
  activeIndex: number;
  query: string;
  focusedMatchBubble: number | null;
  onSeek(seconds: number): void;
}

/**
 * The transcript follows playback until the reader scrolls away; "Follow playback" brings it
 * back.
 */
export function TranscriptView({
  bubbles,
  agentName,
  activeIndex,
  query,
  focusedMatchBubble,
  onSeek,
}: TranscriptViewProps) {
  const list = useRef<HTMLOListElement>(null);
  const [following, setFollowing] = useState(true);
  const programmatic = useRef(false);

  useEffect(() => {
    if (!following || activeIndex < 0) return;
    const container = list.current;
    const element = container?.querySelector<HTMLElement>(`[data-bubble="b${activeIndex}"]`);
    if (!container || !element) return;
    const top = element.offsetTop;
    const visible =
      top >= container.scrollTop &&
      top + element.offsetHeight <= container.scrollTop + container.clientHeight;
    if (visible) return;
    programmatic.current = true;
    // Only the transcript scrolls, never the page around it.
    container.scrollTo({ top: top - container.clientHeight / 3, behavior: 'smooth' });
    const release = setTimeout(() => (programmatic.current = false), 600);
    return () => clearTimeout(release);
  }, [activeIndex, following]);

  useEffect(() => {
    if (focusedMatchBubble === null) return;
    const container = list.current;
    const element = container?.querySelector<HTMLElement>(`[data-bubble="b${focusedMatchBubble}"]`);
    if (container && element)
      container.scrollTo({ top: element.offsetTop - container.clientHeight / 3 });
  }, [focusedMatchBubble]);

  const stopFollowing = () => {
    if (!programmatic.current) setFollowing(false);
  };

  if (bubbles.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        This call has no transcript.
      </p>
    );
  }
  return (
    <div className="relative">
      <ol
        ref={list}
        aria-label="Transcript"
        onWheel={stopFollowing}
        onTouchMove={stopFollowing}
        onScroll={(event) => {
          if (!programmatic.current && event.currentTarget.matches(':hover')) stopFollowing();
        }}
        className="relative flex max-h-[60vh] flex-col gap-2 overflow-y-auto rounded-lg bg-slate-100/70 p-3"
      >
        {bubbles.map((bubble, index) => (
          <BubbleItem
            key={bubble.key}
            bubble={bubble}
            agentName={agentName}
            active={index === activeIndex}
            query={query}
            focusedMatch={index === focusedMatchBubble}
            onSeek={onSeek}
          />
        ))}
      </ol>
      {following ? null : (
        <Button
          variant="primary"
          size="sm"
          className="absolute right-4 bottom-3 shadow"
          onClick={() => setFollowing(true)}
        >
          Follow playback
        </Button>
      )}
    </div>
  );
}
