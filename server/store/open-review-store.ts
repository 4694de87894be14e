import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ReviewStore } from './review-types';
import { createSqliteReviewStore } from './sqlite/sqlite-review-store';

/** Reviews live in the index's own file (`DATA_DIR/index.sqlite`), beside the calls they judge. */
export async function openReviewStore(dataDir: string): Promise<ReviewStore> {
  mkdirSync(dataDir, { recursive: true });
  return createSqliteReviewStore(path.join(dataDir, 'index.sqlite'));
}
