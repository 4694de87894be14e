import type { Db } from './open-database';
import { PROSPECTS_SQL } from './schema';

/** Version 4 adds the `prospects` table; nothing else changes, so the step is one transaction. */
export function migrateFromV3(db: Db): void {
  db.transaction(() => {
    db.exec(PROSPECTS_SQL);
    db.pragma('user_version = 4');
  }).immediate();
}
