import { parseTrataTimestamp, secondsBetween, type Conversation } from '@contract';
import { formatDuration, formatExactTime, orMissing } from '@/lib/format';
import { PanelCard } from '@/components/ui/panel-card';

/** The call's metadata; anything missing reads "—". */
export function CallFacts({ conversation }: { conversation: Conversation }) {
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
    ['Call id', orMissing(conversation.id)],
  ];
  return (
    <PanelCard title="Call facts">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </PanelCard>
  );
}
