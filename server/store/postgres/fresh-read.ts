/**
 * Shares one read among the callers that arrive while it is in flight, without handing anyone a
 * value older than their own call: a caller that arrives during a read waits for the next one,
 * which starts when that read ends and serves everyone who queued meanwhile. Each caller so gets
 * a value read after it asked (what it wrote before asking is in it), and a hundred requests at
 * once cost two reads instead of a hundred.
 *
 * Callers in the same synchronous run as the one that started a read share it: nothing they know
 * can be newer than its start, since news reaches this process only through I/O, which is handled
 * after that run. A request asking for a page and its counts at once makes one read so.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let joinable = false;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    joinable = true;
    queueMicrotask(() => (joinable = false));
    const current = read().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
    if (joinable) return running;
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
