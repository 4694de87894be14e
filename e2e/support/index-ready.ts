import { syncStatusSchema } from '../../contract';

/**
 * Waits until the app server at `origin` has read every call of its upstream into its index:
 * the list is served from there, so a test that compares it with the upstream starts after.
 */
export async function waitForIndex(origin: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/api/sync`);
      const status = syncStatusSchema.safeParse(await response.json());
      if (status.success) {
        if (status.data.backfill.done && status.data.state !== 'backfilling') return;
        last = `${status.data.state}, ${status.data.indexed} indexed`;
      }
    } catch (error) {
      last = String(error);
    }
    // Polling a local server until a condition holds; not a wait for time to pass.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The call index was not ready within ${timeoutMs} ms (${last}).`);
}
