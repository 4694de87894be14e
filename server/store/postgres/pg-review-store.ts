import type pg from 'pg';
import type { ReviewStore } from '../review-types';

/** Reviews and their outbox on PostgreSQL, beside the call index in the same schema. */
export async function createPgReviewStore(_pool: pg.Pool): Promise<ReviewStore> {
  throw new Error('the PostgreSQL review store is not written yet');
}
