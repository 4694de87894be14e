/**
 * Router state for a link back to the list: the call the user comes from, whose row gets the
 * focus again (the scroll position is restored by the router, per list URL).
 */
export interface ListReturnState {
  returnToCall: string;
}

export const listReturnState = (callId: string): ListReturnState => ({ returnToCall: callId });

export function readReturnToCall(state: unknown): string | undefined {
  if (!state || typeof state !== 'object' || !('returnToCall' in state)) return undefined;
  return typeof state.returnToCall === 'string' ? state.returnToCall : undefined;
}
