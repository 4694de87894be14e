import { isValidPhoneNumber } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { PROSPECT_STATUSES, SENTIMENTS } from '../../contract';
import { BUSINESSES } from './businesses';
import { SCENARIOS } from './scenarios';
import { sampleCalls, spokenOrder } from './testing/sample';

const calls = sampleCalls();
const conversations = calls.map((call) => call.conversation);
const analytics = conversations.map((c) => c.conversationAnalytics).filter((a) => a != null);
const valuesOf = <T>(pick: (item: (typeof analytics)[number]) => T) => new Set(analytics.map(pick));
const transcriptOf = (c: (typeof conversations)[number]) =>
  (c.transcriptText ?? []).map((m) => m.message).join('\n');

describe('the 2,000 demo conversations cover', () => {
  it('every prospect status, sentiment and consent value, and both statuses', () => {
    expect([...valuesOf((a) => a.prospectStatus)].filter(Boolean).sort()).toEqual(
      [...PROSPECT_STATUSES].sort(),
    );
    expect([...valuesOf((a) => a.sentiment_of_caller)].filter(Boolean).sort()).toEqual(
      [...SENTIMENTS].sort(),
    );
    expect(
      new Set([...valuesOf((a) => a.is_audio_consent_given)].filter((v) => v != null)),
    ).toEqual(new Set([true, false]));
    expect(new Set(conversations.map((c) => c.status))).toEqual(new Set(['active', 'archived']));
  });

  it('five businesses, each with its own org, agent id and AI name in the greeting', () => {
    expect(BUSINESSES.length).toBeGreaterThanOrEqual(5);
    expect(new Set(BUSINESSES.map((b) => b.orgId)).size).toBe(BUSINESSES.length);
    expect(new Set(BUSINESSES.map((b) => b.agent)).size).toBe(BUSINESSES.length);
    for (const business of BUSINESSES) {
      const theirs = conversations.filter((c) => c.aiAgentId === business.aiAgentId);
      expect(theirs.length).toBeGreaterThan(200);
      expect(theirs.every((c) => c.orgId === business.orgId)).toBe(true);
      const greetings = theirs
        .map((c) => spokenOrder(c).find((m) => m.speaker === 'AI')?.message ?? '')
        .filter(Boolean);
      const brand = business.name.split(' ')[0]!;
      expect(greetings.filter((g) => !g.includes(business.agent) || !g.includes(brand))).toEqual(
        [],
      );
    }
  });

  it('at least 20 scenarios in use, with varied wording', () => {
    const used = new Set(calls.map((call) => call.scenario));
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(20);
    expect(used.size).toBeGreaterThanOrEqual(20);
    const firstCallerLines = new Set(
      calls
        .filter((call) => call.scenario === 'book-service' && !call.mess && !call.special)
        .map((call) => call.conversation.transcriptText?.find((m) => m.speaker === 'USER'))
        .map((message) => message?.message?.replace(/\b(a|an|the)\b.*$/, '')),
    );
    expect(firstCallerLines.size).toBeGreaterThanOrEqual(4);
  });

  it('angry callers, hang-ups, wrong numbers and spam', () => {
    const kinds = new Set(calls.map((call) => call.kind));
    for (const kind of ['angry', 'hang-up', 'wrong-number', 'spam'] as const)
      expect(kinds).toContain(kind);
    const angry = calls.filter((call) => call.kind === 'angry');
    expect(
      angry.every(
        (call) => call.conversation.conversationAnalytics?.sentiment_of_caller !== 'positive',
      ),
    ).toBe(true);
  });

  it('action items, summaries and caller details', () => {
    expect(analytics.filter((a) => (a.action_items?.length ?? 0) > 0).length).toBeGreaterThan(1000);
    expect(conversations.every((c) => (c.transcriptSummary ?? '').length > 20)).toBe(true);
    for (const field of [
      'name_of_caller',
      'phone_number_of_caller',
      'email_address_of_caller',
      'address_of_caller',
    ] as const)
      expect(analytics.filter((a) => a[field]).length).toBeGreaterThan(100);
  });

  it('details the analytics claim but nobody said, like the seed', () => {
    const unsaid = conversations.filter((c) => {
      const a = c.conversationAnalytics;
      const said = transcriptOf(c);
      return (
        (a?.email_address_of_caller && !said.includes(a.email_address_of_caller)) ||
        (a?.address_of_caller && !said.includes(a.address_of_caller))
      );
    });
    expect(unsaid.length).toBeGreaterThan(100);
    const saidAddress = conversations.filter(
      (c) =>
        c.conversationAnalytics?.address_of_caller &&
        transcriptOf(c).includes(c.conversationAnalytics.address_of_caller),
    );
    expect(saidAddress.length).toBeGreaterThan(5);
  });

  it('phone calls from valid numbers, US and international, and browser calls from IPs', () => {
    const phone = conversations.filter((c) => c.sourceType === 'PHONE');
    const browser = conversations.filter((c) => c.sourceType === 'BROWSER');
    expect(phone.length).toBeGreaterThan(1000);
    expect(browser.length).toBeGreaterThan(300);
    expect(phone.filter((c) => !isValidPhoneNumber(c.source!))).toEqual([]);
    expect(browser.filter((c) => !/^(\d{1,3})(\.\d{1,3}){3}$/.test(c.source!))).toEqual([]);
    const countries = new Set(phone.map((c) => c.source!.slice(0, 3)));
    expect(countries.size).toBeGreaterThanOrEqual(5);
    const written = [...valuesOf((a) => a.phone_number_of_caller)].filter(Boolean);
    expect(written.some((p) => /^\+1\d{10}$/.test(p!))).toBe(true);
    expect(written.some((p) => /^\(\d{3}\) \d{3}-\d{4}$/.test(p!))).toBe(true);
    expect(written.some((p) => /^\+(44|91|61|52|49) /.test(p!))).toBe(true);
    expect(written.some((p) => /^\d{5}-\d{5}$/.test(p!))).toBe(true);
  });

  it('repeat callers under one prospect id, with the same name and number', () => {
    const byProspect = new Map<string, (typeof conversations)[number][]>();
    for (const c of conversations)
      byProspect.set(c.prospectId!, [...(byProspect.get(c.prospectId!) ?? []), c]);
    const repeats = [...byProspect.values()].filter((list) => list.length > 1);
    expect(repeats.length).toBeGreaterThan(20);
    for (const list of repeats) {
      expect(new Set(list.map((c) => c.orgId)).size).toBe(1);
      // The analytics may hold the full name or only the first name, never another person's.
      const names = list
        .map((c) => c.conversationAnalytics?.name_of_caller)
        .filter((n) => n != null);
      const full = names.reduce((longest, n) => (n.length > longest.length ? n : longest), '');
      expect(names.filter((n) => !full.startsWith(n))).toEqual([]);
      const phones = list.filter((c) => c.sourceType === 'PHONE').map((c) => c.source);
      expect(new Set(phones).size).toBeLessThanOrEqual(1);
      const first = Math.min(...list.map((c) => Date.parse(`${c.timestampStart}Z`)));
      const created = Number(list[0]!.prospectId!.split('.')[1]) * 1000;
      expect(created).toBeLessThanOrEqual(first + 3_700_000);
    }
  });
});
