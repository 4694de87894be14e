import {
  parseTrataTimestamp,
  prospectStatusLabel,
  secondsBetween,
  type Conversation,
} from '@contract';
import { Badge } from '@/components/ui/badge';
import { SentimentBadge } from '@/components/ui/sentiment-badge';
import {
  formatClock,
  formatDuration,
  formatExactTime,
  formatPhone,
  MISSING,
  orMissing,
} from '@/lib/format';
import { findEvidence, type EvidenceField } from '../transcript/evidence';
import type { Bubble } from '../transcript/normalize';
import { CopyButton } from './copy-button';

interface InsightsPanelProps {
  conversation: Conversation;
  bubbles: readonly Bubble[];
  onJumpToBubble(index: number): void;
}

export function InsightsPanel({ conversation, bubbles, onJumpToBubble }: InsightsPanelProps) {
  const analytics = conversation.conversationAnalytics ?? {};
  const summary = analytics.summary || conversation.transcriptSummary;
  const actionItems = analytics.action_items ?? [];
  return (
    <aside className="flex flex-col gap-4" aria-label="Call insights">
      {analytics.is_audio_consent_given === false ? (
        <div
          role="note"
          className="rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p className="font-semibold">⚠ No consent to record</p>
          <p>
            The caller did not consent to this recording. Check your policy before listening,
            sharing or keeping it.
          </p>
        </div>
      ) : null}
      <Card title="Summary">
        <p className="text-sm leading-relaxed text-slate-800">{orMissing(summary)}</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <SentimentBadge value={analytics.sentiment_of_caller} />
          <Badge tone="info">
            {prospectStatusLabel(analytics.prospectStatus) ?? 'No prospect status'}
          </Badge>
        </div>
      </Card>
      <Card title="Action items">
        {actionItems.length ? (
          <ul className="flex flex-col gap-1.5 text-sm">
            {actionItems.map((item, index) => (
              <li key={index}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" className="mt-1" />
                  <span>{item}</span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{MISSING}</p>
        )}
      </Card>
      <Card title="Caller">
        <dl className="flex flex-col gap-2 text-sm">
          <CallerField
            label="Name"
            field="name"
            value={analytics.name_of_caller}
            bubbles={bubbles}
            onJump={onJumpToBubble}
          />
          <CallerField
            label="Phone"
            field="phone"
            value={analytics.phone_number_of_caller}
            display={formatPhone(analytics.phone_number_of_caller)}
            bubbles={bubbles}
            onJump={onJumpToBubble}
          />
          <CallerField
            label="Email"
            field="email"
            value={analytics.email_address_of_caller}
            bubbles={bubbles}
            onJump={onJumpToBubble}
          />
          <CallerField
            label="Address"
            field="address"
            value={analytics.address_of_caller}
            bubbles={bubbles}
            onJump={onJumpToBubble}
          />
        </dl>
      </Card>
      <Card title="Call facts">
        <CallFacts conversation={conversation} />
      </Card>
    </aside>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

interface CallerFieldProps {
  label: string;
  field: EvidenceField;
  value: string | null | undefined;
  display?: string;
  bubbles: readonly Bubble[];
  onJump(index: number): void;
}

/** Each extracted field links to where the caller said it, or says it was never said. */
function CallerField({ label, field, value, display, bubbles, onJump }: CallerFieldProps) {
  const present = !!value && value.trim() !== '';
  const evidence = present ? findEvidence(bubbles, field, value) : null;
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <span className="font-medium break-all text-slate-900">
          {present ? (display ?? value) : MISSING}
        </span>
        {present ? <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} /> : null}
        {present ? (
          evidence === null ? (
            <span className="text-xs text-amber-800">⚠ not found in the transcript</span>
          ) : (
            <button
              type="button"
              onClick={() => onJump(evidence)}
              className="text-xs text-indigo-700 underline"
            >
              said at {formatClock(bubbles[evidence]!.offset)}
            </button>
          )
        ) : null}
      </dd>
    </div>
  );
}

function CallFacts({ conversation }: { conversation: Conversation }) {
  const facts: [string, string][] = [
    ['Start', formatExactTime(parseTrataTimestamp(conversation.timestampStart))],
    [
      'Duration',
      formatDuration(secondsBetween(conversation.timestampStart, conversation.timestampEnd)),
    ],
    ['Source', orMissing(conversation.source)],
    ['Source type', orMissing(conversation.sourceType)],
    ['Agent id', orMissing(conversation.aiAgentId)],
    ['Status', orMissing(conversation.status)],
    ['Created', formatExactTime(parseTrataTimestamp(conversation.createdAt))],
    ['Updated', formatExactTime(parseTrataTimestamp(conversation.updatedAt))],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
