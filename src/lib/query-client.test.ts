import { describe, expect, it, vi } from 'vitest';
import { ApiError, errorFromResponse } from './api-client';
import { createQueryClient, signInUrl } from './query-client';

describe('an ended dashboard session', () => {
  it('is told apart from an upstream that refused the token by the app server header', () => {
    const marked = errorFromResponse(
      401,
      { detail: 'Sign in to Callscope to continue.' },
      new Headers({ 'x-callscope-sign-in': '/sign-in' }),
    );
    expect(marked.kind).toBe('session');
    const upstream = errorFromResponse(401, { detail: 'Invalid token' }, new Headers());
    expect(upstream.kind).toBe('auth');
    expect(upstream.message).toMatch(/Not signed in to the API/);
  });

  it('sends the page to sign-in, and only for a session error', async () => {
    const onSessionEnded = vi.fn();
    const client = createQueryClient(onSessionEnded);
    await client
      .fetchQuery({
        queryKey: ['x'],
        queryFn: () => Promise.reject(new ApiError('auth', 401, 'upstream said no')),
        retry: false,
      })
      .catch(() => undefined);
    expect(onSessionEnded).not.toHaveBeenCalled();
    await client
      .fetchQuery({
        queryKey: ['y'],
        queryFn: () => Promise.reject(new ApiError('session', 401, 'ended')),
        retry: false,
      })
      .catch(() => undefined);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });

  it('comes back to the same view after signing in', () => {
    expect(signInUrl({ pathname: '/calls/con.1', search: '?t=42' })).toBe(
      '/sign-in?next=%2Fcalls%2Fcon.1%3Ft%3D42',
    );
  });
});
