import { conversationSchema, type Conversation } from '../../contract';

export type ParsedItem =
  | { kind: 'ok'; conversation: Conversation }
  | { kind: 'partial'; conversation: Conversation; reason: string }
  | { kind: 'skipped'; id: string; reason: string };

/** Without these a call cannot be listed or found; every other field can be left out. */
const REQUIRED = new Set(['id', 'timestampStart']);

/**
 * A conversation as far as it can be indexed: fields that break the schema are dropped (the
 * call is listed as partial, with what was dropped), and an item without a usable id or start
 * time is skipped with the reason. Never throws.
 */
export function parseForIndex(value: unknown, position: number): ParsedItem {
  const direct = conversationSchema.safeParse(value);
  if (direct.success) return { kind: 'ok', conversation: direct.data };
  const rawId = (value as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' && rawId !== '' ? rawId : `(item ${position} without an id)`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'skipped', id, reason: 'The item is not an object.' };
  }
  let candidate: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const dropped: string[] = [];
  let issues = direct.error.issues;
  for (let round = 0; round < 5; round++) {
    for (const issue of issues) {
      const [top, inner] = issue.path.map(String);
      if (top === undefined || REQUIRED.has(top)) {
        const field = top ?? 'the item';
        return {
          kind: 'skipped',
          id,
          reason: `Its ${field} breaks the schema (${issue.message}).`,
        };
      }
      const analytics = candidate.conversationAnalytics;
      if (top === 'conversationAnalytics' && inner !== undefined && isRecord(analytics)) {
        const rest = { ...analytics };
        delete rest[inner];
        candidate = { ...candidate, conversationAnalytics: rest };
        dropped.push(`conversationAnalytics.${inner}`);
      } else {
        const rest = { ...candidate };
        delete rest[top];
        candidate = rest;
        dropped.push(top);
      }
    }
    const retry = conversationSchema.safeParse(candidate);
    if (retry.success) {
      const fields = [...new Set(dropped)].join(', ');
      return {
        kind: 'partial',
        conversation: retry.data,
        reason: `Indexed without ${fields}, which broke the schema.`,
      };
    }
    issues = retry.error.issues;
  }
  return { kind: 'skipped', id, reason: 'It breaks the schema in too many places.' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
