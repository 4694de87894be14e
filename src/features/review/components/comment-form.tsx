import { useId, type RefObject } from 'react';
import { COMMENT_TEXT_MAX } from '@contract';
import { Button } from '@/components/ui/button';
import { formatClock } from '@/lib/format';

interface CommentFormProps {
  text: string;
  /** Seconds the comment is anchored to, or null for the whole call. */
  at: number | null;
  textRef: RefObject<HTMLTextAreaElement | null>;
  playable: boolean;
  onText(text: string): void;
  onAt(at: number | null): void;
  /** Anchors the comment to the current playback time. */
  onAnchorNow(): void;
  onSubmit(): void;
}

/** A new comment, on the whole call or at a moment. The text stays until the server has it. */
export function CommentForm(props: CommentFormProps) {
  const textId = useId();
  const countId = useId();
  const length = [...props.text.trim()].length;
  const tooLong = length > COMMENT_TEXT_MAX;
  return (
    <form
      aria-label="New comment"
      className="flex flex-col gap-1.5 border-t border-slate-200 pt-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (length > 0 && !tooLong) props.onSubmit();
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={textId} className="text-sm font-medium text-slate-800">
          {props.at === null ? 'Comment on the whole call' : `Comment at ${formatClock(props.at)}`}
        </label>
        {props.at === null ? (
          props.playable ? (
            <Button size="sm" onClick={props.onAnchorNow} aria-keyshortcuts="c">
              At the current moment
            </Button>
          ) : null
        ) : (
          <Button size="sm" onClick={() => props.onAt(null)}>
            On the whole call instead
          </Button>
        )}
      </div>
      <textarea
        id={textId}
        ref={props.textRef}
        value={props.text}
        rows={3}
        aria-describedby={countId}
        aria-invalid={tooLong}
        onChange={(event) => props.onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (length > 0 && !tooLong) props.onSubmit();
          }
        }}
        className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
      />
      <div className="flex items-center justify-between gap-2">
        <span id={countId} className={tooLong ? 'text-xs text-red-800' : 'text-xs text-slate-500'}>
          {tooLong
            ? `${length - COMMENT_TEXT_MAX} characters over the ${COMMENT_TEXT_MAX.toLocaleString()} limit`
            : `${length} / ${COMMENT_TEXT_MAX.toLocaleString()} · Ctrl+Enter adds it`}
        </span>
        <Button type="submit" size="sm" variant="primary" disabled={length === 0 || tooLong}>
          Add comment
        </Button>
      </div>
    </form>
  );
}
