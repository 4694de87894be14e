import { Link, NavLink, Outlet, ScrollRestoration, type Location } from 'react-router';
import { SessionMenu } from '@/features/session';
import { SyncBanner, SyncStatusLine } from '@/features/sync-status';

/**
 * The list keeps one scroll position per URL, so coming back to it by a link ("All calls") lands
 * where Back would; every other page keeps one per history entry.
 */
const scrollKey = (location: Location) =>
  location.pathname === '/' ? location.pathname + location.search : location.key;

export function AppLayout() {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-3 px-4">
          <Link to="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span>Callscope</span>
          </Link>
          <span className="text-sm text-slate-500">
            Calls answered by your Trata AI receptionists
          </span>
          <nav aria-label="Main" className="flex items-center gap-3 text-sm">
            <NavLink
              to="/insights"
              className="text-slate-700 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
            >
              Insights
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <SyncStatusLine />
            <SessionMenu />
          </div>
        </div>
        <SyncBanner />
      </header>
      <main id="main" className="mx-auto w-full max-w-screen-2xl flex-1 px-4 py-6">
        <Outlet />
      </main>
      <ScrollRestoration getKey={scrollKey} />
    </div>
  );
}
