/** How a replica answered its last readiness probe: 200, something else, or not at all. */
export type TargetState = 'ready' | 'unready' | 'down';

export interface ReplicaTargets {
  /** Replicas whose last probe answered 200, in the order they were given. */
  ready(): string[];
  /**
   * The replicas to try, in round-robin order: the ready ones; when none is, the ones that still
   * answer (their own 503 says why, which beats the proxy guessing); else none.
   */
  candidates(): string[];
  /** A connection to it was refused: it gets nothing until a probe finds it again. */
  markDown(target: string): void;
  /** Probes every replica now and waits for the answers. */
  probe(): Promise<void>;
}

export function replicaTargets(targets: readonly string[], readyPath: string): ReplicaTargets {
  const states = new Map<string, TargetState>(targets.map((target) => [target, 'down']));
  let next = 0;
  const probeOne = async (target: string) => {
    try {
      const response = await fetch(`${target}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      states.set(target, response.status === 200 ? 'ready' : 'unready');
    } catch {
      states.set(target, 'down');
    }
  };
  const inState = (state: TargetState) => targets.filter((t) => states.get(t) === state);
  return {
    ready: () => inState('ready'),
    candidates() {
      const ready = inState('ready');
      const pool = ready.length ? ready : inState('unready');
      if (pool.length === 0) return [];
      const start = next++ % pool.length;
      return [...pool.slice(start), ...pool.slice(0, start)];
    },
    markDown: (target) => states.set(target, 'down'),
    async probe() {
      await Promise.all(targets.map(probeOne));
    },
  };
}

export const NO_REPLICA = JSON.stringify({
  detail: 'No Callscope replica is reachable right now.',
});
