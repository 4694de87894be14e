import type { Conversation } from '@contract';
import { PanelCard } from '@/components/ui/panel-card';
import { cn } from '@/lib/cn';
import { MISSING } from '@/lib/format';
import { useNameGate } from '../hooks/use-name-gate';
import { useReview } from '../hooks/use-review';
import { useReviewActions } from '../hooks/use-review-actions';
import { useReviewerName } from '../reviewer-name-store';
import { NameDialog } from './name-dialog';
import { When } from './when';

/** The call's action items as a shared checklist: each tick is stored with who and when. */
export function ReviewActionItems({
  conversation,
  items,
}: {
  conversation: Conversation;
  items: readonly string[];
}) {
  const storedName = useReviewerName();
  const query = useReview(conversation.id);
  const actions = useReviewActions(conversation.id, query.data?.me ?? null);
  const gate = useNameGate((query.data?.me ?? storedName) !== null);
  const checks = new Map((query.data?.actionItems ?? []).map((check) => [check.index, check]));
  const done = items.filter((_, index) => checks.get(index)?.checked).length;
  const now = query.dataUpdatedAt || Date.now();
  return (
    <PanelCard title="Action items">
      {items.length ? (
        <>
          <ul className="flex flex-col gap-1.5 text-sm">
            {items.map((item, index) => {
              const check = checks.get(index);
              const checked = check?.checked ?? false;
              return (
                <li key={index}>
                  <label className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      className="mt-1 accent-indigo-600"
                      checked={checked}
                      disabled={!query.data}
                      onChange={() =>
                        gate.run(
                          () => void actions.checkItem({ index, text: item, checked: !checked }),
                        )
                      }
                    />
                    <span className="flex flex-col">
                      <span className={cn(checked && 'text-slate-500 line-through')}>{item}</span>
                      {check ? (
                        <span className="text-xs text-slate-500">
                          {check.checked ? 'Done' : 'Unchecked'} by {check.by},{' '}
                          <When iso={check.at} now={now} />
                        </span>
                      ) : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="mt-2 text-xs text-slate-500">
            {done} of {items.length} done
          </p>
          {actions.problem ? (
            <p role="alert" className="mt-1 text-sm text-red-800">
              <span aria-hidden="true">⚠ </span>
              {actions.problem}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-500">{MISSING}</p>
      )}
      <NameDialog open={gate.asking} onSave={gate.save} onCancel={gate.cancel} />
    </PanelCard>
  );
}
