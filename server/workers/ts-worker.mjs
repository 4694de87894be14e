// Worker threads start without the tsx loader the server runs under: register it, then load the
// TypeScript module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
