import { useState } from 'react';
import { COMMENT_TEXT_MAX, type ReviewComment } from '@contract';
import { Button } from '@/components/ui/button';
import { formatClock } from '@/lib/format';
import { isPendingComment } from '../optimistic';
import { When } from './when';

interface CommentItemProps {
  comment: ReviewComment;
  mine: boolean;
  now: number;
  onSeek: ((seconds: number) => void) | null;
  /** Resolves true once saved; on false the edit stays open with its text. */
  onEdit(text: string, version: number): Promise<boolean>;
  onDelete(): void;
}

/** One comment. Its text is a text node, whatever it contains. */
export function CommentItem({ comment, mine, now, onSeek, onEdit, onDelete }: CommentItemProps) {
  // The version the edit started from: a change made meanwhile elsewhere is then a conflict.
  const [draft, setDraft] = useState<{ text: string; version: number } | null>(null);
  const pending = isPendingComment(comment);
  const at = comment.atSeconds;
  const edited = comment.version > 1;
  return (
    <li
      data-comment={comment.id}
      className="flex flex-col gap-1 border-t border-slate-100 pt-2 first:border-t-0 first:pt-0"
    >
      <div className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600">
        <span className="font-semibold break-all text-slate-800">{comment.author}</span>
        {at === null ? (
          <span>whole call</span>
        ) : onSeek ? (
          <button
            type="button"
            onClick={() => onSeek(at)}
            className="rounded px-0.5 font-mono tabular-nums underline hover:text-indigo-700"
            aria-label={`Go to ${formatClock(at)}, where ${comment.author} commented`}
          >
            {formatClock(at)}
          </button>
        ) : (
          <span className="font-mono tabular-nums">{formatClock(at)}</span>
        )}
        <When iso={comment.createdAt} now={now} />
        {edited ? <span>(edited)</span> : null}
        {pending ? <span role="status">Saving…</span> : null}
      </div>
      {draft === null ? (
        <p className="text-sm break-words whitespace-pre-wrap text-slate-900">{comment.text}</p>
      ) : (
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            void onEdit(draft.text, draft.version).then((saved) => {
              if (saved) setDraft(null);
            });
          }}
        >
          <label className="sr-only" htmlFor={`edit-${comment.id}`}>
            Edit your comment
          </label>
          <textarea
            id={`edit-${comment.id}`}
            value={draft.text}
            rows={3}
            maxLength={COMMENT_TEXT_MAX * 4}
            onChange={(event) => setDraft({ ...draft, text: event.target.value })}
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" disabled={!draft.text.trim()}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {mine && !pending && draft === null ? (
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            className="h-6 px-1.5 text-xs"
            onClick={() => setDraft({ text: comment.text, version: comment.version })}
            aria-label={`Edit your comment ${at === null ? 'on the whole call' : `at ${formatClock(at)}`}`}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="h-6 px-1.5 text-xs"
            onClick={onDelete}
            aria-label={`Delete your comment ${at === null ? 'on the whole call' : `at ${formatClock(at)}`}`}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}
