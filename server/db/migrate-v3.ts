import type { Db } from './open-database';
import { PROSPECTS_SQL } from './schema';

/** Version 3 adds the `prospects` table; nothing else changes, so the step is one transaction. */
export function migrateFromV2(db: Db): void {
  db.transaction(() => {
    db.exec(PROSPECTS_SQL);
    db.pragma('user_version = 3');
  }).immediate();
}
