import {
  createColumnHelper,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import {
  parseTrataTimestamp,
  prospectStatusLabel,
  type CallListItem,
  type SortByField,
} from '@contract';
import { SentimentBadge } from '@/components/ui/sentiment-badge';
import type { ConversationRow } from '@/lib/conversations-api';
import {
  formatDateTime,
  formatDuration,
  formatRelative,
  MISSING,
  viewerTimeZoneName,
} from '@/lib/format';
import { formatPhone } from '@/lib/phone';
import { usePhoneFormattingReady } from '@/lib/use-phone-formatting';
import { ReviewSummary } from './components/review-summary';

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
  review: 'Review',
  agent: 'Agent',
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

function StartHeader() {
  const zone = viewerTimeZoneName();
  return (
    <>
      {COLUMN_LABELS.start}
      {zone ? <span className="font-normal normal-case"> ({zone})</span> : null}
    </>
  );
}

const ok = (row: ConversationRow) => (row.kind === 'ok' ? row.conversation : null);

export const callColumns = helper.columns([
  helper.display({
    id: 'start',
    header: () => <StartHeader />,
    cell: ({ row }) => <StartTime value={ok(row.original)?.timestampStart} />,
  }),
  helper.display({
    id: 'duration',
    header: COLUMN_LABELS.duration,
    cell: ({ row }) => {
      const call = ok(row.original);
      return <span className="tabular-nums">{formatDuration(call?.durationSeconds ?? null)}</span>;
    },
  }),
  helper.display({
    id: 'caller',
    header: COLUMN_LABELS.caller,
    cell: ({ row }) => {
      const call = ok(row.original);
      return (
        <span className="flex flex-col">
          <span className="font-medium text-slate-900">{call?.callerName || 'Unknown caller'}</span>
          <span className="text-xs text-slate-600 tabular-nums">
            {call ? <CallerPhone call={call} /> : MISSING}
          </span>
        </span>
      );
    },
  }),
  helper.display({
    id: 'review',
    header: COLUMN_LABELS.review,
    cell: ({ row }) => <ReviewSummary review={ok(row.original)?.review} />,
  }),
  helper.display({
    id: 'agent',
    header: COLUMN_LABELS.agent,
    cell: ({ row }) => (
      <span className="text-slate-700">{ok(row.original)?.agentName || MISSING}</span>
    ),
  }),
  helper.display({
    id: 'sentiment',
    header: COLUMN_LABELS.sentiment,
    cell: ({ row }) => <SentimentBadge value={ok(row.original)?.sentiment} />,
  }),
  helper.display({
    id: 'prospect',
    header: COLUMN_LABELS.prospect,
    cell: ({ row }) => prospectStatusLabel(ok(row.original)?.prospectStatus) ?? MISSING,
  }),
  helper.display({
    id: 'summary',
    header: COLUMN_LABELS.summary,
    cell: ({ row }) => {
      const summary = ok(row.original)?.summary || MISSING;
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
      const consent = ok(row.original)?.consentGiven;
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

/**
 * The absolute date and time in the viewer's zone (the column header names it), with the relative
 * time beside it: readable without hovering, by keyboard, touch and screen reader alike.
 */
function StartTime({ value }: { value: string | null | undefined }) {
  const epoch = parseTrataTimestamp(value);
  if (epoch === null) return <span>{MISSING}</span>;
  return (
    <time dateTime={new Date(epoch).toISOString()} className="flex flex-col whitespace-nowrap">
      <span className="text-slate-900 tabular-nums">{formatDateTime(epoch)}</span>
      <span className="text-xs text-slate-500">{formatRelative(epoch)}</span>
    </time>
  );
}

/** The number the caller gave or, failing that, the caller ID, which says what it is. */
function CallerPhone({ call }: { call: CallListItem }) {
  // Numbers show as given until the formatter has loaded; this re-renders them then.
  usePhoneFormattingReady();
  if (!call.callerPhone) return MISSING;
  const text = formatPhone(call.callerPhone);
  return call.callerPhoneOrigin === 'caller-id' ? (
    <>
      {text} <span className="text-slate-600 italic">(caller ID)</span>
    </>
  ) : (
    text
  );
}
