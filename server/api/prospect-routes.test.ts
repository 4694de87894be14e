import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECT_NOT_FOUND,
  PROSPECT_STATUSES,
  prospectSchema,
  type Conversation,
  type Prospect,
} from '../../contract';
import { generateConversations } from '../demo-data/generate';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';

const SEED_PROSPECT = 'pro.1731301754.OZSMSU1S';

let fixture: DemoApiFixture;
beforeAll(() => {
  const conversations = [
    ...generateConversations({
      count: 300,
      seed: 7,
      now: new Date('2026-11-01T12:00:00Z'),
      recordingOrigin: 'http://127.0.0.1:1',
    }),
  ];
  fixture = createDemoApiFixture(0, { conversations });
});
afterAll(() => fixture.close());

const get = (url: string) => fixture.app.inject({ method: 'GET', url, headers: AUTH });
const send = (method: 'PUT' | 'POST', url: string, body: unknown) =>
  fixture.app.inject({
    method,
    url,
    headers: { ...AUTH, 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('GET /v1/prospects/{id}', () => {
  it("answers the seed call's prospect with its documented values", async () => {
    const response = await get(`/v1/prospects/${SEED_PROSPECT}`);
    expect(response.statusCode).toBe(200);
    const prospect = prospectSchema.parse(response.json());
    expect(prospect).toMatchObject({
      id: SEED_PROSPECT,
      orgId: 'org.1726902940.GZChqlpU',
      name: 'Hari',
      phoneNumber: '96260-12778',
      email: 'hari@gmail.com',
      status: 'SERVICE_ORDER_PLACED',
    });
    expect(Array.isArray(prospect.externalReference)).toBe(true);
    for (const key of ['createdBy', 'createdAt', 'updatedBy', 'updatedAt'] as const)
      expect(typeof prospect[key]).toBe('string');
  });

  it('answers every prospect of the data in the contract shape, with a documented status', async () => {
    const ids = new Set(fixture.conversations.map((c) => c.prospectId!));
    for (const id of [...ids].slice(0, 60)) {
      const response = await get(`/v1/prospects/${encodeURIComponent(id)}`);
      expect(response.statusCode).toBe(200);
      const prospect = prospectSchema.parse(response.json());
      expect(prospect.id).toBe(id);
      expect(PROSPECT_STATUSES).toContain(prospect.status);
    }
  });

  it('is a 404 in FastAPI shape for an unknown id', async () => {
    const response = await get('/v1/prospects/pro.0.NOSUCH');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ detail: PROSPECT_NOT_FOUND });
  });

  it('asks for the bearer token', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: `/v1/prospects/${SEED_PROSPECT}`,
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /v1/prospects/{id}/conversations', () => {
  it("lists the prospect's calls, and nothing for an unknown prospect", async () => {
    const response = await get(`/v1/prospects/${SEED_PROSPECT}/conversations`);
    expect(response.statusCode).toBe(200);
    const calls = response.json() as Conversation[];
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.prospectId === SEED_PROSPECT)).toBe(true);
    expect(response.headers['x-total-count']).toBe(String(calls.length));
    expect((await get('/v1/prospects/pro.0.NOSUCH/conversations')).json()).toEqual([]);
  });
});

describe('PUT /v1/prospects/{id}', () => {
  it('replaces the fields it is given and keeps the rest', async () => {
    const id = fixture.conversations[10]!.prospectId!;
    const before = (await get(`/v1/prospects/${id}`)).json() as Prospect;
    const response = await send('PUT', `/v1/prospects/${id}`, {
      status: 'NOT_INTERESTED',
      externalReference: ['hubspot:123'],
      prospectProps: { vip: true },
    });
    expect(response.statusCode).toBe(200);
    const after = (await get(`/v1/prospects/${id}`)).json() as Prospect;
    expect(after).toMatchObject({
      id,
      name: before.name,
      phoneNumber: before.phoneNumber,
      status: 'NOT_INTERESTED',
      externalReference: ['hubspot:123'],
      prospectProps: { vip: true },
      updatedBy: 'api',
    });
  });

  it.each([
    ['a status outside the enum', { status: 'MAYBE' }, { type: 'enum', loc: ['body', 'status'] }],
    ['a wrong type', { name: 5 }, { type: 'string_type', loc: ['body', 'name'] }],
    ['an unknown key', { nmae: 'x' }, { type: 'extra_forbidden', loc: ['body', 'nmae'] }],
    ['invalid JSON', '{"name": ', { type: 'json_invalid', loc: ['body', 0] }],
  ])('refuses %s with a 422 and changes nothing', async (_name, body, issue) => {
    const before = (await get(`/v1/prospects/${SEED_PROSPECT}`)).json() as Prospect;
    const response = await send('PUT', `/v1/prospects/${SEED_PROSPECT}`, body);
    expect(response.statusCode).toBe(422);
    expect((response.json() as { detail: unknown[] }).detail).toContainEqual(
      expect.objectContaining(issue),
    );
    expect((await get(`/v1/prospects/${SEED_PROSPECT}`)).json()).toEqual(before);
  });

  it('is a 404 for an unknown id', async () => {
    const response = await send('PUT', '/v1/prospects/pro.0.NOSUCH', { name: 'x' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ detail: PROSPECT_NOT_FOUND });
  });
});

describe('POST /v1/prospects', () => {
  it('creates a prospect that GET then answers', async () => {
    const response = await send('POST', '/v1/prospects', {
      orgId: 'org.1.A',
      name: 'Dana Lee',
      email: 'dana@example.com',
      phoneNumber: '+14155550100',
      externalReference: ['crm:42'],
      status: 'GENERAL_ENQUIRY',
      prospectProps: { source: 'test' },
    });
    expect(response.statusCode).toBe(200);
    const created = prospectSchema.parse(response.json());
    expect(created.id).toMatch(/^pro\.\d+\./);
    expect((await get(`/v1/prospects/${created.id}`)).json()).toEqual(response.json());
  });

  it('refuses a taken id with a 409 and a bad body with a 422', async () => {
    expect((await send('POST', '/v1/prospects', { id: SEED_PROSPECT })).statusCode).toBe(409);
    const bad = await send('POST', '/v1/prospects', { status: 'LATER', email: [] });
    expect(bad.statusCode).toBe(422);
    const locs = (bad.json() as { detail: { loc: unknown[] }[] }).detail.map((i) => i.loc);
    expect(locs).toContainEqual(['body', 'status']);
    expect(locs).toContainEqual(['body', 'email']);
  });
});
