import { afterEach, describe, expect, it } from 'vitest';
import { openTestReviewStore, type TestReviewStore } from '../testing/open-test-stores';
import { testBackend } from '../testing/test-database';

let opened: TestReviewStore;
afterEach(() => opened.close());

describe.skipIf(testBackend() !== 'postgres')('a review change on PostgreSQL', () => {
  it('commits with its outbox entry, or not at all', async () => {
    opened = await openTestReviewStore();
    const store = opened.reviews;
    const pool = opened.pg!.pool;
    await store.setReview('con.ok', 'Ann', { rating: 4 });
    const epoch = await store.epoch();
    // The outbox refuses this call's entry, the last write of the change but the epoch's.
    await pool.query(`
      CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.call_id = 'con.refused' THEN RAISE EXCEPTION 'outbox refused'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_outbox BEFORE INSERT OR UPDATE ON review_outbox
        FOR EACH ROW EXECUTE FUNCTION refuse_outbox();`);

    await expect(store.setReview('con.refused', 'Ann', { rating: 2 })).rejects.toThrow(
      'outbox refused',
    );
    await expect(store.addComment('con.refused', 'Ann', 'Lost.', null)).rejects.toThrow(
      'outbox refused',
    );
    expect(await store.reviews('con.refused')).toEqual([]);
    expect(await store.comments('con.refused')).toEqual([]);
    expect(await store.history('con.refused', 10)).toEqual([]);
    expect(await store.summaries(['con.refused'], null)).toEqual(new Map());
    expect(await store.epoch()).toBe(epoch);

    // The connections the failed changes used went back to the pool in a usable state.
    for (let i = 0; i < 8; i++) await store.addComment('con.ok', 'Ann', `Kept ${i}.`, null);
    expect(await store.comments('con.ok')).toHaveLength(8);
    expect(await store.epoch()).toBe(epoch + 8);
  });
});
