import { useMemo } from 'react';
import type { Conversation, ConversationAnalytics } from '@contract';
import { formatClock, MISSING } from '@/lib/format';
import { callerPhoneDisplay } from '@/lib/phone';
import { usePhoneFormattingReady } from '@/lib/use-phone-formatting';
import { findEvidence, type EvidenceField } from '../transcript/evidence';
import type { Bubble } from '../transcript/normalize';
import { PanelCard } from '@/components/ui/panel-card';
import { CopyButton } from './copy-button';

const FIELDS: readonly { field: EvidenceField; label: string; key: keyof ConversationAnalytics }[] =
  [
    { field: 'name', label: 'Name', key: 'name_of_caller' },
    { field: 'phone', label: 'Phone', key: 'phone_number_of_caller' },
    { field: 'email', label: 'Email', key: 'email_address_of_caller' },
    { field: 'address', label: 'Address', key: 'address_of_caller' },
  ];

interface CallerCardProps {
  conversation: Conversation;
  bubbles: readonly Bubble[];
  onJump(bubbleIndex: number): void;
}

/**
 * What the analytics say about the caller. Each value is a claim, so each links to where the
 * caller said it, or says plainly that the transcript never does.
 */
export function CallerCard({ conversation, bubbles, onJump }: CallerCardProps) {
  // The number is shown as given until the formatter has loaded, then formatted.
  const phoneReady = usePhoneFormattingReady();
  const rows = useMemo(
    () =>
      FIELDS.map(({ field, label, key }) => {
        // The phone is the number given or, on a phone call, the caller ID (from the network,
        // so no claim to check against the transcript).
        const phone = field === 'phone' ? callerPhoneDisplay(conversation) : null;
        if (phone?.origin === 'caller-id') {
          return {
            field,
            label: phone.label,
            value: phone.raw,
            display: phone.text,
            evidence: null,
            callerId: true,
          };
        }
        const raw = conversation.conversationAnalytics?.[key];
        const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
        return {
          field,
          label,
          value,
          display: value === null ? MISSING : (phone?.text ?? value),
          evidence: value === null ? null : findEvidence(bubbles, field, value),
          callerId: false,
        };
      }),
    // phoneReady changes what the phone formatter returns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [conversation, bubbles, phoneReady],
  );
  return (
    <PanelCard title="Caller">
      <dl className="flex flex-col gap-3 text-sm">
        {rows.map(({ field, label, value, display, evidence, callerId }) => (
          <div key={field}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="mt-0.5 flex items-start gap-2">
              <span className="min-w-0 flex-1 font-medium break-words text-slate-900">
                {display}
              </span>
              {value === null ? null : (
                <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
              )}
            </dd>
            {callerId ? (
              <dd className="mt-0.5 text-xs text-slate-500">
                The number the call came from; the caller gave none.
              </dd>
            ) : value === null ? null : evidence === null ? (
              <dd className="mt-0.5 text-xs text-amber-900">
                <span aria-hidden="true">⚠ </span>Not found in the transcript: the caller never said
                it.
              </dd>
            ) : (
              <dd className="mt-0.5 text-xs">
                <button
                  type="button"
                  onClick={() => onJump(evidence)}
                  className="text-indigo-700 underline decoration-indigo-300 hover:decoration-indigo-700"
                >
                  Said at {formatClock(bubbles[evidence]!.offset)}
                  <span className="sr-only">: show it in the transcript</span>
                </button>
              </dd>
            )}
          </div>
        ))}
      </dl>
    </PanelCard>
  );
}
