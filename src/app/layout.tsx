import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, type Location } from 'react-router';
import { ThemeToggle } from '@/components/theme-toggle';
import { SessionMenu } from '@/features/session';
import { useRouteAnnouncer } from './use-route-announcer';

// The sync status waits on its own request anyway: its code loads beside the page's, outside the
// list's first JS, and the header keeps its size whether it is there or not.
const SyncStatusLine = lazy(() =>
  import('@/features/sync-status').then((module) => ({ default: module.SyncStatusLine })),
);
const SyncBanner = lazy(() =>
  import('@/features/sync-status').then((module) => ({ default: module.SyncBanner })),
);
// Insights' code (with its chart library) is fetched ahead once the pointer or focus reaches its link.
const loadInsightsRoute = () => import('./routes/insights-route');

/**
 * The list keeps one scroll position per URL, so coming back to it by a link ("All calls") lands
 * where Back would; every other page keeps one per history entry.
 */
const scrollKey = (location: Location) =>
  location.pathname === '/' ? location.pathname + location.search : location.key;

export function AppLayout() {
  const arrived = useRouteAnnouncer();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-14 max-w-screen-2xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
          <Link to="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span>Callscope</span>
          </Link>
          {/* Hidden below a desktop's width, and the status and theme on a row of their own on
              a phone: the status line arriving never rewraps the header and shifts the page. */}
          <span className="text-sm text-slate-500 max-lg:hidden">
            Calls answered by your Trata AI receptionists
          </span>
          <nav aria-label="Main" className="flex items-center gap-3 text-sm">
            <NavLink
              to="/insights"
              // The page's code (and chart library) starts loading before the click.
              onPointerEnter={() => void loadInsightsRoute()}
              onFocus={() => void loadInsightsRoute()}
              className="text-slate-700 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
            >
              Insights
            </NavLink>
          </nav>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-1 max-sm:w-full">
            {/* Room kept for the status from the start: it arrives after the page and would
                push the theme and session controls aside, or, on a phone, down a line. */}
            <div className="flex justify-end max-sm:min-h-5 max-sm:w-full sm:min-w-44">
              <Suspense fallback={null}>
                <SyncStatusLine />
              </Suspense>
            </div>
            <ThemeToggle />
            <SessionMenu />
          </div>
        </div>
        <Suspense fallback={null}>
          <SyncBanner />
        </Suspense>
      </header>
      <main id="main" className="mx-auto w-full max-w-screen-2xl flex-1 px-4 py-6 max-sm:px-3">
        <Outlet />
        <p aria-live="polite" aria-atomic="true" className="sr-only">
          {arrived ? `${arrived}, page loaded` : ''}
        </p>
      </main>
      <ScrollRestoration getKey={scrollKey} />
    </div>
  );
}
