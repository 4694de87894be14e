import type { ListParams } from '@/lib/list-params';

export const toIso = (ms: number) => new Date(ms).toISOString();

/** The range a list URL holds, in epoch milliseconds. */
export function rangeOf(params: Pick<ListParams, 'from' | 'to'>) {
  return {
    ...(params.from ? { from: Date.parse(params.from) } : {}),
    ...(params.to ? { to: Date.parse(params.to) } : {}),
  };
}
