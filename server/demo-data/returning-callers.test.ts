import { describe, expect, it } from 'vitest';
import { PROSPECT_STATUSES, type ProspectStatus } from '../../contract';
import type { DemoConversation } from './build-conversation';
import { LEAD_STAGE } from './prospects';
import { ms, sampleConversations } from './testing/sample';

const conversations = sampleConversations();
const byProspect = new Map<string, DemoConversation[]>();
for (const c of conversations)
  byProspect.set(c.prospectId!, [...(byProspect.get(c.prospectId!) ?? []), c]);
const inTimeOrder = (calls: DemoConversation[]) =>
  [...calls].sort((a, b) => ms(a.timestampStart) - ms(b.timestampStart));

/** A number as the same line whatever its writing: the national digits are its last nine. */
const line = (phone: string | null | undefined) =>
  phone ? phone.replace(/\D+/g, '').slice(-9) || null : null;
function phonesOf(call: DemoConversation): string[] {
  const phones = [line(call.conversationAnalytics?.phone_number_of_caller)];
  if (call.sourceType === 'PHONE') phones.push(line(call.source));
  return phones.filter((phone): phone is string => phone !== null);
}

describe('returning callers in the demo data', () => {
  it('keeps the 2,000 default calls, and a share of prospects calls 2 to 6 times over weeks', () => {
    expect(conversations).toHaveLength(2000);
    const returning = [...byProspect.values()].filter((calls) => calls.length > 1);
    expect(returning.length).toBeGreaterThanOrEqual(60);
    expect(Math.max(...returning.map((calls) => calls.length))).toBeLessThanOrEqual(6);
    expect(returning.some((calls) => calls.length >= 4)).toBe(true);
    for (const calls of returning) {
      const times = inTimeOrder(calls).map((c) => ms(c.timestampStart));
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThan(2 * 86_400_000);
    }
  });

  it("every prospect's calls share its phone number", () => {
    for (const calls of byProspect.values()) {
      const phones = new Set(calls.flatMap(phonesOf));
      expect(phones.size).toBeLessThanOrEqual(1);
    }
  });

  it('calls that share a phone number share a prospect', () => {
    const prospectsOf = new Map<string, Set<string>>();
    for (const call of conversations)
      for (const phone of phonesOf(call))
        prospectsOf.set(phone, (prospectsOf.get(phone) ?? new Set()).add(call.prospectId!));
    const shared = [...prospectsOf].filter(([, ids]) => ids.size > 1);
    expect(shared).toEqual([]);
  });

  it('the lead status never moves backwards from call to call', () => {
    const moves = new Map<string, number>();
    for (const calls of byProspect.values()) {
      const statuses = inTimeOrder(calls)
        .map((c) => c.conversationAnalytics?.prospectStatus)
        .filter((status): status is ProspectStatus =>
          (PROSPECT_STATUSES as readonly (string | null | undefined)[]).includes(status),
        );
      for (let i = 1; i < statuses.length; i++) {
        const [from, to] = [statuses[i - 1]!, statuses[i]!];
        expect(LEAD_STAGE[to], `${from} → ${to}`).toBeGreaterThanOrEqual(LEAD_STAGE[from]);
        // Not interested ends a lead: nothing follows it.
        expect(from, `${from} → ${to}`).not.toBe('NOT_INTERESTED');
        moves.set(`${from} → ${to}`, (moves.get(`${from} → ${to}`) ?? 0) + 1);
      }
    }
    const kinds = [...moves.keys()];
    expect(kinds.some((move) => move.endsWith('→ NOT_INTERESTED'))).toBe(true);
    expect(kinds.some((move) => move.endsWith('ORDER_PLACED'))).toBe(true);
  });
});
