import { createConversationStore } from '../conversation-store';
import { openDatabase } from '../open-database';

/**
 * Child process for the durability test: commits one update, says so, then dies by SIGKILL
 * without closing the database, as a crashed server would.
 */
const [file, id, status] = process.argv.slice(2) as [string, string, string];
const store = createConversationStore(openDatabase(file));
store.update(id, { status });
process.stdout.write('committed\n', () => process.kill(process.pid, 'SIGKILL'));
