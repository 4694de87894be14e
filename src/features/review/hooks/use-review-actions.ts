import { useState } from 'react';
import {
  deleteComment,
  patchComment,
  postComment,
  putActionItem,
  putReview,
  type CommentEdit,
  type NewComment,
  type ReviewChange,
} from '../api/review-writes';
import {
  withActionItem,
  withComment,
  withCommentText,
  withNewComment,
  withoutComment,
  withReview,
  withReviewChange,
  withSavedComment,
} from '../optimistic';
import { currentReviewerName } from '../reviewer-name-store';
import { useReviewWrite } from './use-review-write';

const nowIso = () => new Date().toISOString();
/** True once saved; a failure is already rolled back and told in `problem`. */
const settled = (write: Promise<unknown>): Promise<boolean> =>
  write.then(
    () => true,
    () => false,
  );
let pendingCount = 0;

/** Who writes: the name the header carries, and who the server will say wrote it. */
interface Who {
  header: string | null;
  me: string;
}

/**
 * Every write a reviewer makes to a call's review, optimistic, with one message on failure.
 * `serverMe` is who the server knows this browser as (the signed-in user); without sign-in the
 * name given in this browser is read when the write starts, so a name given a moment ago counts.
 */
export function useReviewActions(callId: string, serverMe: string | null) {
  const [problem, setProblem] = useState<string | null>(null);
  const common = { callId, onProblem: setProblem };
  const who = (): Who => {
    const header = currentReviewerName();
    return { header, me: serverMe ?? header ?? '' };
  };

  const review = useReviewWrite({
    ...common,
    what: 'Saving your review',
    write: ({ who, change }: { who: Who; change: ReviewChange }) =>
      putReview(callId, who.header, change),
    optimistic: (current, { who, change }) => withReviewChange(current, who.me, change, nowIso()),
    saved: (current, saved) => withReview(current, saved),
  });
  const addComment = useReviewWrite({
    ...common,
    what: 'Adding the comment',
    write: ({ who, comment }: { who: Who; comment: NewComment; pendingId: string }) =>
      postComment(callId, who.header, comment),
    optimistic: (current, { who, comment, pendingId }) =>
      withNewComment(current, who.me, comment, pendingId, nowIso()),
    saved: (current, saved, { pendingId }) => withSavedComment(current, pendingId, saved),
  });
  const editComment = useReviewWrite({
    ...common,
    what: 'Saving the comment',
    write: ({ who, edit }: { who: Who; edit: CommentEdit }) =>
      patchComment(callId, who.header, edit),
    optimistic: (current, { edit }) => withCommentText(current, edit.id, edit.text, nowIso()),
    saved: (current, saved) => withComment(current, saved),
  });
  const removeComment = useReviewWrite({
    ...common,
    what: 'Deleting the comment',
    write: ({ who, comment }: { who: Who; comment: { id: string; version: number } }) =>
      deleteComment(callId, who.header, comment),
    optimistic: (current, { comment }) => withoutComment(current, comment.id),
  });
  const checkItem = useReviewWrite({
    ...common,
    what: 'Saving the action item',
    write: ({ who, item }: { who: Who; item: { index: number; text: string; checked: boolean } }) =>
      putActionItem(callId, who.header, item),
    optimistic: (current, { who, item }) => withActionItem(current, who.me, item, nowIso()),
  });

  return {
    problem,
    dismissProblem: () => setProblem(null),
    saveReview: (change: ReviewChange) => settled(review.mutateAsync({ who: who(), change })),
    addComment: (comment: NewComment) =>
      settled(addComment.mutateAsync({ who: who(), comment, pendingId: String(++pendingCount) })),
    editComment: (edit: CommentEdit) => settled(editComment.mutateAsync({ who: who(), edit })),
    removeComment: (comment: { id: string; version: number }) =>
      settled(removeComment.mutateAsync({ who: who(), comment })),
    checkItem: (item: { index: number; text: string; checked: boolean }) =>
      settled(checkItem.mutateAsync({ who: who(), item })),
  };
}

export type ReviewActions = ReturnType<typeof useReviewActions>;
