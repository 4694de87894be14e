// Worker threads start without the tsx loader the server runs under; register it, then load
// the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./synthesis-worker.ts');
