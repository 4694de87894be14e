import { useEffect, useMemo, useRef, useState } from 'react';
import type { Conversation, ReviewStatus } from '@contract';
import type { CallMoments } from '@/components/call-review-slot';
import { PanelCard } from '@/components/ui/panel-card';
import { orderComments } from '../optimistic';
import { useNameGate } from '../hooks/use-name-gate';
import { useReview } from '../hooks/use-review';
import { useReviewActions } from '../hooks/use-review-actions';
import { useReviewerName } from '../reviewer-name-store';
import { useReviewShortcuts } from '../hooks/use-review-shortcuts';
import { CommentForm } from './comment-form';
import { CommentItem } from './comment-item';
import { DeliveryStatus } from './delivery-status';
import { HistoryList } from './history-list';
import { NameDialog } from './name-dialog';
import { RatingGroup } from './rating-group';
import { ReviewsList } from './reviews-list';
import { StatusControl } from './status-control';

/** The QA review of a call: my rating and status, everyone's verdicts, comments and history. */
export function ReviewPanel({
  conversation,
  moments,
}: {
  conversation: Conversation;
  moments: CallMoments;
}) {
  const callId = conversation.id;
  const storedName = useReviewerName();
  const query = useReview(callId);
  const me = query.data?.me ?? storedName;
  const actions = useReviewActions(callId, query.data?.me ?? null);
  const gate = useNameGate(me !== null);

  const mine = query.data?.reviews.find((review) => review.reviewer === me) ?? null;
  const [commentText, setCommentText] = useState('');
  const [commentAt, setCommentAt] = useState<number | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [flagging, setFlagging] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (flagging) reasonRef.current?.focus();
  }, [flagging]);

  const rate = (rating: number) => gate.run(() => void actions.saveReview({ rating }));
  const setStatus = (status: ReviewStatus) => {
    if (status === 'follow_up') {
      setReason(mine?.followUpReason ?? '');
      setFlagging(true);
      return;
    }
    setFlagging(false);
    gate.run(() => void actions.saveReview({ status }));
  };
  const saveFollowUp = () => {
    const text = reason.trim();
    if (!text) return;
    gate.run(() => {
      setFlagging(false);
      void actions.saveReview({ status: 'follow_up', followUpReason: text }).then((saved) => {
        // On failure the reason comes back into the box, as typed.
        if (!saved) {
          setReason(text);
          setFlagging(true);
        }
      });
    });
  };
  const commentNow = () => {
    setCommentAt(moments.playable ? Math.floor(moments.now() * 10) / 10 : null);
    commentRef.current?.focus();
  };
  const addComment = () => {
    const text = commentText;
    const atSeconds = commentAt;
    gate.run(() => {
      setCommentText('');
      setCommentAt(null);
      void actions.addComment({ text, atSeconds }).then((saved) => {
        // Nothing typed is lost: a refused comment goes back into the box.
        if (!saved) {
          setCommentText((current) => (current ? current : text));
          setCommentAt(atSeconds);
        }
      });
    });
  };

  useReviewShortcuts({
    rate,
    comment: commentNow,
    markReviewed: () => setStatus('reviewed'),
    flag: () => setStatus('follow_up'),
  });

  const comments = useMemo(() => orderComments(query.data?.comments ?? []), [query.data]);
  const now = query.dataUpdatedAt || Date.now();
  const seek = moments.playable ? moments.seek : null;

  return (
    <PanelCard title="Review">
      {query.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Loading the review…
        </p>
      ) : query.isError && !query.data ? (
        <p role="alert" className="text-sm text-red-800">
          Could not load the review: {query.error.message}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          {me === null ? null : (
            <p className="text-xs text-slate-500">
              Reviewing as <span className="font-medium break-all text-slate-700">{me}</span>
            </p>
          )}
          <RatingGroup value={mine?.rating ?? null} onRate={rate} />
          <StatusControl
            status={mine?.status ?? 'to_review'}
            flagging={flagging}
            reason={reason}
            reasonRef={reasonRef}
            onStatus={setStatus}
            onReason={setReason}
            onSaveFollowUp={saveFollowUp}
            onCancelFollowUp={() => setFlagging(false)}
          />
          {actions.problem ? (
            <div
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900"
            >
              <p>
                <span aria-hidden="true">⚠ </span>
                {actions.problem}
              </p>
              <button
                type="button"
                className="mt-1 text-xs underline"
                onClick={actions.dismissProblem}
              >
                Dismiss
              </button>
            </div>
          ) : null}
          <DeliveryStatus callId={callId} delivery={query.data.delivery} />
          <section aria-label="Everyone's reviews" className="flex flex-col gap-1.5">
            <h3 className="text-xs font-semibold text-slate-500">Everyone’s reviews</h3>
            <ReviewsList reviews={query.data.reviews} me={me} now={now} />
          </section>
          <section aria-label="Comments" className="flex flex-col gap-2">
            <h3 className="text-xs font-semibold text-slate-500">Comments ({comments.length})</h3>
            {comments.length ? (
              <ul className="flex flex-col gap-2">
                {comments.map((comment) => (
                  <CommentItem
                    key={comment.id}
                    comment={comment}
                    mine={comment.author === me}
                    now={now}
                    onSeek={seek}
                    onEdit={(text, version) =>
                      actions.editComment({ id: comment.id, text, version })
                    }
                    onDelete={() =>
                      void actions.removeComment({ id: comment.id, version: comment.version })
                    }
                  />
                ))}
              </ul>
            ) : null}
            <CommentForm
              text={commentText}
              at={commentAt}
              textRef={commentRef}
              playable={moments.playable}
              onText={setCommentText}
              onAt={setCommentAt}
              onAnchorNow={commentNow}
              onSubmit={addComment}
            />
          </section>
          <HistoryList
            history={query.data.history}
            actionItems={conversation.conversationAnalytics?.action_items ?? []}
            now={now}
          />
        </div>
      )}
      <NameDialog open={gate.asking} onSave={gate.save} onCancel={gate.cancel} />
    </PanelCard>
  );
}
