import { parseTrataTimestamp, type Conversation, type Prospect } from '../../contract';

/** Statuses at which a business has opened a record of its own for the caller. */
const WITH_CRM_RECORD = new Set([
  'SCHEDULED_APPOINTMENT_WITH_PERSON',
  'SCHEDULED_APPOINTMENT_FOR_SERVICE',
  'PRODUCT_ORDER_PLACED',
  'SERVICE_ORDER_PLACED',
]);

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

function latest<T>(
  calls: readonly Conversation[],
  read: (call: Conversation) => T | null | undefined,
): T | null {
  for (let index = calls.length - 1; index >= 0; index--) {
    const value = read(calls[index]!);
    if (value !== null && value !== undefined && value !== '') return value;
  }
  return null;
}

/** The fullest name the analytics heard (they sometimes keep the first name only), latest on a tie. */
function fullestName(calls: readonly Conversation[]): string | null {
  let best: string | null = null;
  for (const call of calls) {
    const name = call.conversationAnalytics?.name_of_caller;
    if (!present(name)) continue;
    if (best === null || name.trim().split(/\s+/).length >= best.trim().split(/\s+/).length)
      best = name;
  }
  return best;
}

/**
 * The prospect a demo API holds for callers nobody wrote through `/v1/prospects`: what their
 * conversations say, the latest call winning. Deterministic, so the same data gives the same
 * prospect. `calls` may come in any order; null when there are none.
 */
export function prospectFromConversations(
  id: string,
  calls: readonly Conversation[],
): Prospect | null {
  if (calls.length === 0) return null;
  const ordered = [...calls].sort(
    (a, b) =>
      (parseTrataTimestamp(a.timestampStart) ?? 0) - (parseTrataTimestamp(b.timestampStart) ?? 0) ||
      a.id.localeCompare(b.id),
  );
  const first = ordered[0]!;
  const last = ordered.at(-1)!;
  const status = latest(ordered, (c) => c.conversationAnalytics?.prospectStatus) ?? 'NEW';
  const address = latest(ordered, (c) => c.conversationAnalytics?.address_of_caller);
  return {
    id,
    orgId: latest(ordered, (c) => c.orgId),
    name: fullestName(ordered),
    email: latest(ordered, (c) => c.conversationAnalytics?.email_address_of_caller),
    phoneNumber:
      latest(ordered, (c) => c.conversationAnalytics?.phone_number_of_caller) ??
      latest(ordered, (c) => (c.sourceType === 'PHONE' ? c.source : null)),
    externalReference: WITH_CRM_RECORD.has(status) ? [`crm:C-${id.slice(-8).toUpperCase()}`] : [],
    status,
    prospectProps: {
      ...(address ? { address } : {}),
      lastChannel: last.sourceType ?? null,
    },
    createdBy: 'trata-system',
    createdAt: first.createdAt ?? first.timestampStart,
    updatedBy: 'trata-system',
    updatedAt: last.createdAt ?? last.timestampStart,
  };
}
