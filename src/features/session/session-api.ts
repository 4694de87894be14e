import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';

/** GET /api/session: how the dashboard signs people in, and who this is. */
export const sessionSchema = z.object({
  mode: z.enum(['none', 'password', 'proxy']),
  user: z.nullable(z.string()),
});
export type Session = z.infer<typeof sessionSchema>;

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const { data } = await apiRequest('/api/session', { signal });
  return sessionSchema.parse(data);
}
