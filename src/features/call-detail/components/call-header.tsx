import { useEffect, useRef } from 'react';
import { Link, useNavigationType } from 'react-router';
import { parseTrataTimestamp, secondsBetween, type Conversation } from '@contract';
import { ReviewNextButton } from '@/components/review-next-button';
import { Kbd } from '@/components/ui/kbd';
import { formatDuration, formatExactTime } from '@/lib/format';
import { listReturnState } from '@/lib/list-return';
import type { ReviewNext } from '@/lib/use-review-next';
import type { Neighbour, Neighbours } from '../use-neighbours';

export function CallHeader({
  conversation,
  neighbours,
  queue,
}: {
  conversation: Conversation;
  neighbours: Neighbours;
  queue: { reviewNext: ReviewNext; openNext(): void };
}) {
  const name = conversation.conversationAnalytics?.name_of_caller?.trim() || 'Unknown caller';
  const heading = useFocusOnArrival(conversation.id);
  const facts = [
    formatExactTime(parseTrataTimestamp(conversation.timestampStart)),
    formatDuration(secondsBetween(conversation.timestampStart, conversation.timestampEnd)),
    conversation.sourceType,
  ].filter(Boolean);
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <Link
          to={neighbours.listHref}
          state={listReturnState(conversation.id)}
          className="text-sm text-indigo-700 hover:underline"
        >
          <span aria-hidden="true">← </span>All calls
        </Link>
        <h1
          ref={heading}
          tabIndex={-1}
          className="mt-1 truncate text-xl font-semibold text-slate-900 outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
          title={name}
        >
          {name}
        </h1>
        <p className="text-sm text-slate-600">{facts.join(' · ')}</p>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <ReviewNextButton
          reviewNext={queue.reviewNext}
          onPress={queue.openNext}
          shortcut="Shift+J"
        />
        {/* Always there, disabled until the neighbours are known (or when there are none):
            links that arrive late would wrap the header and move the page down. */}
        <nav aria-label="Calls in this list" className="flex items-center gap-2 text-sm">
          <NeighbourLink neighbour={neighbours.previous} shortcut="k">
            <span aria-hidden="true">← </span>Previous call
          </NeighbourLink>
          <NeighbourLink neighbour={neighbours.next} shortcut="j">
            Next call<span aria-hidden="true"> →</span>
          </NeighbourLink>
        </nav>
      </div>
    </header>
  );
}

function NeighbourLink({
  neighbour,
  shortcut,
  children,
}: {
  neighbour: Neighbour | undefined;
  shortcut: string;
  children: React.ReactNode;
}) {
  const look = 'inline-flex items-center gap-2 rounded-md border px-3 py-1.5';
  if (!neighbour) {
    return (
      <span aria-disabled="true" className={`${look} border-slate-200 text-slate-500`}>
        {children}
        {/* The key's room, so the link keeps its width when it becomes one. */}
        <Kbd aria-hidden="true" className="invisible">
          {shortcut}
        </Kbd>
      </span>
    );
  }
  return (
    <Link
      to={`/calls/${encodeURIComponent(neighbour.id)}`}
      state={{ listSearch: neighbour.listSearch }}
      aria-keyshortcuts={shortcut}
      className={`${look} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
    >
      {children}
      <Kbd aria-hidden="true">{shortcut}</Kbd>
    </Link>
  );
}

/**
 * A call reached by navigating within the app (Enter on a list row, j/k) puts focus on its
 * heading, so a screen reader announces it and keys start from the top of the page. Focus the
 * reader placed somewhere that stays (the Next call link) is left where it is; Back and a page
 * load keep the browser's own behaviour.
 */
function useFocusOnArrival(id: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  const navigationType = useNavigationType();
  useEffect(() => {
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || !focused.isConnected;
    if (navigationType !== 'POP' && lost) heading.current?.focus({ preventScroll: true });
  }, [id, navigationType]);
  return heading;
}
