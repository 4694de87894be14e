import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { prefetchCallList } from '@/features/calls';
import { AppLayout } from './layout';
import { AppLoading } from './routes/app-loading';
import { RouteError } from './routes/route-error';
import { Component as CallsRoute } from './routes/calls-route';

const loadPreload = () => import('@/features/call-detail/preload');

/**
 * The list is where every visit starts, so it is in the first bundle; the detail and not-found
 * pages load on demand. Loaders start each page's requests without waiting on them, so data and
 * code arrive in parallel and a slow API never holds up the page's own loading state.
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      HydrateFallback: AppLoading,
      children: [
        {
          index: true,
          Component: CallsRoute,
          loader: ({ request }) => {
            prefetchCallList(queryClient, new URL(request.url).searchParams);
            return null;
          },
        },
        {
          path: 'calls/:id',
          loader: ({ params }) => {
            const id = params.id;
            // A small chunk of its own (the detail page's loads in parallel): the call's requests
            // start as soon as it is in, and the list's first JS does not carry it.
            if (id) void loadPreload().then(({ preloadCall }) => preloadCall(queryClient, id));
            return null;
          },
          lazy: () => import('./routes/call-detail-route').then(toRoute),
        },
        // Managers' page, with its chart library: loaded only when opened, its data requested
        // while its code loads.
        {
          path: 'insights',
          loader: async ({ request }) => {
            // A small module of its own, so the list's first load stays without it.
            const { preloadInsights } = await import('@/features/insights/preload');
            preloadInsights(queryClient, new URL(request.url).searchParams);
            return null;
          },
          lazy: () => import('./routes/insights-route').then(toRoute),
        },
        { path: '*', lazy: () => import('./routes/not-found-route').then(toRoute) },
      ],
    },
  ]);
}

function toRoute(module: { Component: React.ComponentType }) {
  return { Component: module.Component };
}
