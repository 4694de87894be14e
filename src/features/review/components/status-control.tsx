import { useId, type RefObject } from 'react';
import { FOLLOW_UP_REASON_MAX, REVIEW_STATUSES, type ReviewStatus } from '@contract';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { STATUS_LABELS, STATUS_SIGNS } from '../review-words';

interface StatusControlProps {
  status: ReviewStatus;
  /** Follow-up is chosen but not saved yet: a reason is being written. */
  flagging: boolean;
  reason: string;
  reasonRef: RefObject<HTMLTextAreaElement | null>;
  onStatus(status: ReviewStatus): void;
  onReason(reason: string): void;
  onSaveFollowUp(): void;
  onCancelFollowUp(): void;
}

/**
 * My status. Choosing "needs follow-up" opens the reason first; the flag is saved with it,
 * since a follow-up without a reason tells a colleague nothing.
 */
export function StatusControl(props: StatusControlProps) {
  const reasonId = useId();
  const shown = props.flagging ? 'follow_up' : props.status;
  return (
    <div className="flex flex-col gap-2">
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="mb-1 text-sm text-slate-600">Your status</legend>
        {REVIEW_STATUSES.map((status) => (
          <label
            key={status}
            className={cn(
              'inline-flex h-8 cursor-pointer items-center gap-1 rounded-full border px-2.5 text-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600',
              shown === status
                ? 'border-indigo-600 bg-indigo-50 font-semibold text-indigo-900'
                : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
            )}
          >
            <input
              type="radio"
              name="review-status"
              value={status}
              checked={shown === status}
              onChange={() => props.onStatus(status)}
              className="sr-only"
            />
            <span aria-hidden="true">{STATUS_SIGNS[status]}</span>
            {STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      {props.flagging || props.status === 'follow_up' ? (
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            props.onSaveFollowUp();
          }}
        >
          <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
            Follow-up reason
          </label>
          <textarea
            id={reasonId}
            ref={props.reasonRef}
            value={props.reason}
            maxLength={FOLLOW_UP_REASON_MAX}
            rows={2}
            required
            onChange={(event) => props.onReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                props.onSaveFollowUp();
              }
              if (event.key === 'Escape' && props.flagging) props.onCancelFollowUp();
            }}
            placeholder="What should happen next?"
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" disabled={!props.reason.trim()}>
              {props.status === 'follow_up' && !props.flagging
                ? 'Save reason'
                : 'Flag for follow-up'}
            </Button>
            {props.flagging ? (
              <Button size="sm" variant="ghost" onClick={props.onCancelFollowUp}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
