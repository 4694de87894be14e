import {
  createColumnHelper,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import {
  parseTrataTimestamp,
  prospectStatusLabel,
  secondsBetween,
  type SortByField,
} from '@contract';
import { SentimentBadge } from '@/components/ui/sentiment-badge';
import type { ConversationRow } from '@/lib/conversations-api';
import { formatDuration, formatExactTime, formatRelative, MISSING } from '@/lib/format';
import { formatPhone } from '@/lib/phone';
import { usePhoneFormattingReady } from '@/lib/use-phone-formatting';

export const tableFeaturesForCalls = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
const helper = createColumnHelper<typeof tableFeaturesForCalls, ConversationRow>();

/** Which API sort each sortable column maps to. */
export const COLUMN_SORT: Partial<Record<string, SortByField>> = {
  start: 'timestampStart',
  duration: 'duration',
  caller: 'name_of_caller',
  sentiment: 'sentiment_of_caller',
  prospect: 'prospectStatus',
};

export const COLUMN_LABELS: Record<string, string> = {
  start: 'Start time',
  duration: 'Duration',
  caller: 'Caller',
  sentiment: 'Sentiment',
  prospect: 'Prospect status',
  summary: 'Summary',
  consent: 'Consent',
  status: 'Status',
};

/**
 * The row link stretches over the whole row; text with a hover title sits above it so the title
 * shows. A click there still opens the call (see the table's click handler).
 */
const ABOVE_ROW_LINK = 'relative z-10';

const ok = (row: ConversationRow) => (row.kind === 'ok' ? row.conversation : null);

export const callColumns = helper.columns([
  helper.display({
    id: 'start',
    header: COLUMN_LABELS.start,
    cell: ({ row }) => <StartTime value={ok(row.original)?.timestampStart} />,
  }),
  helper.display({
    id: 'duration',
    header: COLUMN_LABELS.duration,
    cell: ({ row }) => {
      const call = ok(row.original);
      return (
        <span className="tabular-nums">
          {formatDuration(call ? secondsBetween(call.timestampStart, call.timestampEnd) : null)}
        </span>
      );
    },
  }),
  helper.display({
    id: 'caller',
    header: COLUMN_LABELS.caller,
    cell: ({ row }) => {
      const analytics = ok(row.original)?.conversationAnalytics;
      return (
        <span className="flex flex-col">
          <span className="font-medium text-slate-900">
            {analytics?.name_of_caller || 'Unknown caller'}
          </span>
          <span className="text-xs text-slate-500 tabular-nums">
            <PhoneText raw={analytics?.phone_number_of_caller} />
          </span>
        </span>
      );
    },
  }),
  helper.display({
    id: 'sentiment',
    header: COLUMN_LABELS.sentiment,
    cell: ({ row }) => (
      <SentimentBadge value={ok(row.original)?.conversationAnalytics?.sentiment_of_caller} />
    ),
  }),
  helper.display({
    id: 'prospect',
    header: COLUMN_LABELS.prospect,
    cell: ({ row }) =>
      prospectStatusLabel(ok(row.original)?.conversationAnalytics?.prospectStatus) ?? MISSING,
  }),
  helper.display({
    id: 'summary',
    header: COLUMN_LABELS.summary,
    cell: ({ row }) => {
      const call = ok(row.original);
      const summary = call?.conversationAnalytics?.summary || call?.transcriptSummary || MISSING;
      return (
        <span className={`block max-w-md truncate ${ABOVE_ROW_LINK}`} title={summary}>
          {summary}
        </span>
      );
    },
  }),
  helper.display({
    id: 'consent',
    header: COLUMN_LABELS.consent,
    cell: ({ row }) => {
      const consent = ok(row.original)?.conversationAnalytics?.is_audio_consent_given;
      if (consent === false) {
        return (
          <span
            className={`inline-flex items-center gap-1 text-amber-800 ${ABOVE_ROW_LINK}`}
            title="The caller did not consent to the recording"
          >
            <span aria-hidden="true">⚠</span>
            <span className="text-xs">No consent</span>
          </span>
        );
      }
      return <span className="text-xs text-slate-500">{consent ? 'Given' : MISSING}</span>;
    },
  }),
  helper.display({
    id: 'status',
    header: COLUMN_LABELS.status,
    cell: ({ row }) => (
      <span className="text-xs text-slate-600 capitalize">
        {ok(row.original)?.status ?? MISSING}
      </span>
    ),
  }),
]);

function StartTime({ value }: { value: string | undefined }) {
  const epoch = parseTrataTimestamp(value);
  if (epoch === null) return <span>{MISSING}</span>;
  return (
    <time
      dateTime={new Date(epoch).toISOString()}
      // An Intl formatter per row costs milliseconds; the exact time is only needed on hover.
      onPointerEnter={(event) => {
        event.currentTarget.title ||= formatExactTime(epoch);
      }}
      className={`whitespace-nowrap ${ABOVE_ROW_LINK}`}
    >
      {formatRelative(epoch)}
    </time>
  );
}

const phoneTexts = new Map<string, string>();

/** The same callers come back page after page; their number is formatted once. */
function PhoneText({ raw }: { raw: string | null | undefined }) {
  const ready = usePhoneFormattingReady();
  if (raw == null || !ready) return formatPhone(raw);
  let text = phoneTexts.get(raw);
  if (text === undefined) {
    if (phoneTexts.size > 5_000) phoneTexts.clear();
    text = formatPhone(raw);
    phoneTexts.set(raw, text);
  }
  return text;
}
