/**
 * Shares one read among the callers that arrive while it is in flight, without handing anyone a
 * value older than their own call: a caller that arrives during a read waits for the next one,
 * which starts when that read ends and serves everyone who queued meanwhile. Each caller so gets
 * a value read after it asked (what it wrote before asking is in it), and a hundred requests at
 * once cost two reads instead of a hundred.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const current = read().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
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
