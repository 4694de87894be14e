import { afterEach, describe, expect, it } from 'vitest';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallQuery, CallStore } from '../types';
import { createSqliteCallStore } from './sqlite-call-store';

const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 100 };
const [first, second, third] = fixtureConversations(3, 11);

let store: CallStore;
afterEach(() => store.close());

describe('a group of writes', () => {
  it('commits when its work resolves', async () => {
    store = createSqliteCallStore(':memory:');
    const result = await store.group(async (tx) => {
      await tx.upsert([first!]);
      await tx.writeState('sweep', { next: 100 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await store.count()).toBe(1);
    expect(await store.readState('sweep')).toEqual({ next: 100 });
  });

  it('is rolled back when its work throws, and no page read meanwhile outlives it', async () => {
    store = createSqliteCallStore(':memory:');
    await store.upsert([first!]);
    const failed = store.group(async (tx) => {
      await tx.upsert([second!]);
      // Read inside the group: the page (cached) holds the row about to be rolled back.
      expect((await store.listJson(base)).total).toBe(2);
      throw new Error('the API went away');
    });
    await expect(failed).rejects.toThrow('the API went away');
    expect(await store.count()).toBe(1);
    expect((await store.listJson(base)).ids).toEqual([first!.id]);
    expect(
      (await store.facets(base)).consent.given + (await store.facets(base)).consent.missing,
    ).toBe(1);
  });

  it('keeps what it committed before a failure', async () => {
    store = createSqliteCallStore(':memory:');
    const failed = store.group(async (tx) => {
      await tx.upsert([first!]);
      await tx.commit();
      await tx.upsert([second!]);
      throw new Error('crash after the first page');
    });
    await expect(failed).rejects.toThrow();
    expect((await store.listJson(base)).ids).toEqual([first!.id]);
  });

  it('takes turns with another group instead of joining its transaction', async () => {
    store = createSqliteCallStore(':memory:');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const a = store.group(async (tx) => {
      order.push('a starts');
      await tx.upsert([first!]);
      await gate;
      order.push('a ends');
      throw new Error('a fails');
    });
    const b = store.group(async (tx) => {
      order.push('b starts');
      await tx.upsert([third!]);
    });
    release();
    await expect(a).rejects.toThrow('a fails');
    await b;
    expect(order).toEqual(['a starts', 'a ends', 'b starts']);
    // a's rollback took none of b's writes with it.
    expect((await store.listJson(base)).ids).toEqual([third!.id]);
  });
});
