import { conversationSchema } from '../../../contract';
import type { ApiAnswer, SuiteClient } from '../client';
import { ensure, excerpt } from '../check';

/** The items of a list answer, failing the check unless it is a 200 with a JSON array. */
export function itemsOf(answer: ApiAnswer, what: string): unknown[] {
  ensure(
    answer.status === 200,
    `${what}: expected 200, got ${answer.status} (${excerpt(answer.text)})`,
  );
  ensure(
    Array.isArray(answer.json),
    `${what}: expected a JSON array with no envelope, got ${excerpt(answer.text)}`,
  );
  return answer.json;
}

export async function listPage(client: SuiteClient, query: Record<string, string>, what: string) {
  const answer = await client.get(`/v1/conversations?${new URLSearchParams(query)}`);
  return { answer, items: itemsOf(answer, what) };
}

export function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

/** One line per item that does not match the Conversation schema (at most `max`). */
export function schemaProblems(items: unknown[], max = 8): string[] {
  const problems: string[] = [];
  items.forEach((item, index) => {
    const parsed = conversationSchema.safeParse(item);
    if (parsed.success) return;
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`)
      .join('; ');
    problems.push(`item ${index}${idOf(item) ? ` (${idOf(item)})` : ''}: ${where}`);
  });
  if (problems.length > max)
    return [...problems.slice(0, max), `…and ${problems.length - max} more`];
  return problems;
}

/** A field of the analytics object, if the item has it as a string. */
export function analyticsField(item: unknown, field: string): string | null {
  const analytics = (item as { conversationAnalytics?: Record<string, unknown> } | null)
    ?.conversationAnalytics;
  const value = analytics?.[field];
  return typeof value === 'string' ? value : null;
}
