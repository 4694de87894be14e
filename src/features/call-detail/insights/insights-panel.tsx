import { memo, useState } from 'react';
import { useCallReviewSlot, type CallMoments } from '@/components/call-review-slot';
import { prospectStatusLabel, type Conversation } from '@contract';
import { ConversationPanels } from '@/components/conversation-panels';
import { Badge } from '@/components/ui/badge';
import { SentimentBadge } from '@/components/ui/sentiment-badge';
import { MISSING, orMissing } from '@/lib/format';
import type { Bubble } from '../transcript/normalize';
import { CallFacts } from './call-facts';
import { CallerCard } from './caller-card';
import { PanelCard } from '@/components/ui/panel-card';
import { Skeleton } from '@/components/ui/skeleton';
import { useWaitAtMost } from './use-wait-at-most';

/** How long the panel waits for the review before it shows without it. */
const REVIEW_WAIT_MS = 3_000;

interface InsightsPanelProps {
  conversation: Conversation;
  bubbles: readonly Bubble[];
  onJump(bubbleIndex: number): void;
  /** The player, lent to the review for comments at a moment. */
  moments: CallMoments;
}

/** The analytics beside the transcript. Memoized: playback never re-renders it. */
export const InsightsPanel = memo(function InsightsPanel({
  conversation,
  bubbles,
  onJump,
  moments,
}: InsightsPanelProps) {
  const {
    Panel: ReviewPanel,
    ActionItems: StoredActionItems,
    useLoading: useReviewLoading,
  } = useCallReviewSlot();
  // The review heads the panel and its height is unknown until it loads: the panel shows
  // whole once it is in, rather than the analytics jumping down under it.
  const holding = useWaitAtMost(useReviewLoading(conversation.id), REVIEW_WAIT_MS);
  const analytics = conversation.conversationAnalytics ?? {};
  const summary = analytics.summary || conversation.transcriptSummary;
  if (holding) return <InsightsSkeleton />;
  return (
    <aside className="flex flex-col gap-4" aria-label="Call insights">
      {ReviewPanel ? <ReviewPanel conversation={conversation} moments={moments} /> : null}
      <PanelCard title="Summary">
        <p className="text-sm leading-relaxed text-slate-800">{orMissing(summary)}</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-slate-500">Sentiment</dt>
          <dd>
            <SentimentBadge value={analytics.sentiment_of_caller} />
          </dd>
          <dt className="text-slate-500">Prospect</dt>
          <dd>
            {analytics.prospectStatus ? (
              <Badge tone="info" title={analytics.prospectStatus}>
                {prospectStatusLabel(analytics.prospectStatus)}
              </Badge>
            ) : (
              MISSING
            )}
          </dd>
        </dl>
      </PanelCard>
      {StoredActionItems ? (
        <StoredActionItems conversation={conversation} items={analytics.action_items ?? []} />
      ) : (
        <ActionItems items={analytics.action_items ?? []} />
      )}
      <CallerCard conversation={conversation} bubbles={bubbles} onJump={onJump} />
      <ConversationPanels conversation={conversation} />
      <CallFacts conversation={conversation} />
    </aside>
  );
});

function InsightsSkeleton() {
  return (
    <aside className="flex flex-col gap-4" aria-label="Call insights" aria-busy="true">
      <div role="status" aria-label="Loading the review" className="flex flex-col gap-4">
        <Skeleton className="h-48 w-full" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    </aside>
  );
}

/** A checklist for the reviewer's own follow-up when no review stores it; ticks are not saved. */
function ActionItems({ items }: { items: readonly string[] }) {
  const [done, setDone] = useState<ReadonlySet<number>>(new Set());
  return (
    <PanelCard title="Action items">
      {items.length ? (
        <>
          <ul className="flex flex-col gap-1.5 text-sm">
            {items.map((item, index) => (
              <li key={index}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1 accent-indigo-600"
                    checked={done.has(index)}
                    onChange={() =>
                      setDone((current) => {
                        const next = new Set(current);
                        if (!next.delete(index)) next.add(index);
                        return next;
                      })
                    }
                  />
                  <span className={done.has(index) ? 'text-slate-500 line-through' : ''}>
                    {item}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-500">
            {done.size} of {items.length} done
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-500">{MISSING}</p>
      )}
    </PanelCard>
  );
}
