import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';

let fixture: DemoApiFixture;
beforeAll(() => {
  fixture = createDemoApiFixture(20);
});
afterAll(() => fixture.close());

const get = (id: string) =>
  fixture.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: AUTH });
const put = (id: string, body: unknown, ifMatch?: string) =>
  fixture.app.inject({
    method: 'PUT',
    url: `/v1/conversations/${id}`,
    headers: {
      ...AUTH,
      'content-type': 'application/json',
      ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
    },
    payload: JSON.stringify(body),
  });

describe('ETag and If-Match on the demo API', () => {
  it('tags a conversation and changes the tag when it changes', async () => {
    const id = fixture.conversations[3]!.id;
    const first = await get(id);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect((await get(id)).headers.etag).toBe(etag);
    const written = await put(id, { adminComments: [{ comment: 'ok', rating: 4 }] }, etag);
    expect(written.statusCode).toBe(200);
    const after = await get(id);
    expect(after.headers.etag).not.toBe(etag);
    expect(written.headers.etag).toBe(after.headers.etag);
  });

  it('answers 412 and changes nothing when the version read is not the current one', async () => {
    const id = fixture.conversations[4]!.id;
    const stale = (await get(id)).headers.etag as string;
    expect((await put(id, { adminComments: [{ comment: 'first', rating: 3 }] })).statusCode).toBe(
      200,
    );
    const before = (await get(id)).body;
    const refused = await put(id, { adminComments: [{ comment: 'second', rating: 1 }] }, stale);
    expect(refused.statusCode).toBe(412);
    expect(refused.json()).toEqual({
      detail: 'The conversation changed since it was read: read it again and retry.',
    });
    expect((await get(id)).body).toBe(before);
    const weak = await put(id, { status: 'x' }, `W/${(await get(id)).headers.etag as string}`);
    expect(weak.statusCode).toBe(412);
    expect((await put(id, { status: 'active' }, '*')).statusCode).toBe(200);
    expect((await put('con.0.missing', { status: 'active' }, '*')).statusCode).toBe(404);
  });

  it('lets exactly one of many writers over the same version through', async () => {
    const id = fixture.conversations[5]!.id;
    const etag = (await get(id)).headers.etag as string;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(id, { adminComments: [{ comment: `writer ${i}`, rating: 2 }] }, etag),
      ),
    );
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes).toEqual([200, ...Array<number>(9).fill(412)]);
    const winner = answers.find((answer) => answer.statusCode === 200)!.json() as Conversation;
    expect(((await get(id)).json() as Conversation).adminComments).toEqual(winner.adminComments);
  });
});
