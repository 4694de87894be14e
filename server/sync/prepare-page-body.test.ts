import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unpackDoc } from '../store/call-record';
import { createWorkerPool } from '../workers/worker-pool';
import { preparePageBody, type PageBody, type PreparedPageBody } from './prepare-page-body';

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const whole = {
  id: 'con.whole',
  timestampStart: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:05:00.000Z',
  conversationAnalytics: { sentiment_of_caller: 'positive' },
};
const broken = {
  id: 'con.partial',
  timestampStart: '2026-11-20T11:00:00.000Z',
  transcriptText: 42,
};
const page = [whole, broken, { timestampStart: 'never' }, 'not an object'];

describe('preparing a list page', () => {
  it('checks each item on its own and builds the records the index stores', async () => {
    const worker = createWorkerPool<PageBody, PreparedPageBody>(
      new URL('./prepare-page-worker.ts', import.meta.url),
      1,
    );
    for (const prepared of [
      preparePageBody({ bytes: bytesOf(page), firstPosition: 40 }),
      // The same, on the worker thread the sync uses.
      await worker.run({ bytes: bytesOf(page), firstPosition: 40 }),
    ]) {
      if (prepared.kind !== 'items') throw new Error(prepared.kind);
      const [ok, partial, noId, notObject] = prepared.items;
      expect(ok).toMatchObject({ kind: 'ok', id: 'con.whole', label: 'con.whole' });
      expect(partial).toMatchObject({ kind: 'partial', id: 'con.partial' });
      expect(partial?.kind === 'partial' && partial.reason).toMatch(/transcriptText/);
      expect(noId).toMatchObject({
        kind: 'skipped',
        id: undefined,
        label: '(item 42 without an id)',
      });
      expect(notObject).toMatchObject({ kind: 'skipped', reason: 'The item is not an object.' });
      if (ok?.kind !== 'ok') throw new Error('not indexed');
      expect(ok.updatedAt).toBe(Date.parse(whole.updatedAt));
      expect(JSON.parse(unpackDoc(ok.record.docPacked))).toEqual(JSON.parse(ok.record.doc));
      expect(ok.record.docHash).toBe(createHash('sha1').update(ok.record.doc).digest('base64'));
    }
    await worker.close();
  });

  it('tells a body that is not JSON from one that is not a list', () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(preparePageBody({ bytes: text('[{"id":'), firstPosition: 0 }).kind).toBe('not-json');
    expect(preparePageBody({ bytes: text('{"items":[]}'), firstPosition: 0 }).kind).toBe(
      'not-array',
    );
  });
});
