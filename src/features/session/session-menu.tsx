import { useQuery } from '@tanstack/react-query';
import { sessionKeys } from '@/lib/query-keys';
import { fetchSession } from './session-api';

const BUTTON =
  'rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none';

/**
 * Who is signed in, and a way out. Shown only when sign-in is on; on a loopback-only server
 * there is nobody to name.
 */
export function SessionMenu() {
  const { data } = useQuery({
    queryKey: sessionKeys.current(),
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
    retry: false,
  });
  if (!data || data.mode === 'none' || !data.user) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
      <span>
        Signed in as <strong className="font-medium text-slate-900">{data.user}</strong>
      </span>
      {data.mode === 'password' && (
        // Plain form posts: the server ends the session (or every session of this user on
        // every device), clears the cookie and shows the sign-in page.
        <>
          <form method="post" action="/sign-out">
            <button type="submit" className={BUTTON}>
              Sign out
            </button>
          </form>
          <form method="post" action="/sign-out-everywhere">
            <button type="submit" className={BUTTON}>
              Sign out everywhere
            </button>
          </form>
        </>
      )}
    </div>
  );
}
