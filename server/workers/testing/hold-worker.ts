import { serveJobs } from '../worker-pool';

/**
 * A worker for pool tests. `state` is shared with the test: [0] counts held jobs running now,
 * [1] the most that ever ran at once, [2] releases them when set to 1.
 */
export interface HoldJob {
  name: string;
  hold: boolean;
  state: Int32Array;
}

serveJobs<HoldJob, string>(async ({ name, hold, state }) => {
  if (name === 'fail') throw new Error('job failed');
  if (!hold) return { value: `done ${name}` };
  const running = Atomics.add(state, 0, 1) + 1;
  for (let seen = Atomics.load(state, 1); running > seen; seen = Atomics.load(state, 1)) {
    if (Atomics.compareExchange(state, 1, seen, running) === seen) break;
  }
  Atomics.wait(state, 2, 0);
  Atomics.sub(state, 0, 1);
  return { value: `done ${name}` };
});
