import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { isLeftAlone } from '../shortcut-target';
import { loadCallOrder } from './call-order';
import { CallWalker } from './call-walker';

const STEP_KEYS = { j: 'next', k: 'previous' } as const;

/** The number a keyboard navigation carried in router state, if this location came from one. */
function walkOf(state: unknown): number | undefined {
  const walk = state && typeof state === 'object' && 'walk' in state ? state.walk : undefined;
  return typeof walk === 'number' ? walk : undefined;
}

export function callPath(id: string): string {
  return `/calls/${encodeURIComponent(id)}`;
}

/**
 * j and k between the calls of the list (`listSearch`): one listener for the whole call page,
 * alive while a call loads, and a walker that queues presses so that none acts on a call that
 * is leaving the screen. A press another handler took (the list's own j/k) is left alone.
 * Returns true while a press is on its way to the call it leads to.
 */
export function useCallKeys(id: string, listSearch: string | null | undefined): boolean {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useLayoutEffect(() => {
    navigateRef.current = navigate;
  });
  const [walker] = useState(
    () =>
      new CallWalker({
        loadOrder: (search) =>
          loadCallOrder(
            (params) => queryClient.ensureQueryData(conversationListQueryOptions(params)),
            search,
          ),
        go: (to, walk, replace) =>
          void navigateRef.current(callPath(to.id), {
            state: { listSearch: to.listSearch, walk },
            replace,
          }),
      }),
  );

  // Before paint, so that no press can see the call before it is on screen.
  const location = useLocation();
  const navigationType = useNavigationType();
  useLayoutEffect(() => {
    walker.show(
      { id, listSearch },
      location.key,
      navigationType === 'POP' ? undefined : walkOf(location.state),
    );
  }, [walker, id, listSearch, location.key, location.state, navigationType]);

  useEffect(() => {
    walker.resume();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'j' && event.key !== 'k') return;
      if (isLeftAlone(event)) return;
      event.preventDefault();
      walker.press(STEP_KEYS[event.key]);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      walker.stop();
    };
  }, [walker]);

  return useSyncExternalStore(walker.subscribe, walker.isBusy);
}
