import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout';
import { RouteError } from './routes/route-error';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: () => import('./routes/calls-route').then(toRoute) },
      { path: 'calls/:id', lazy: () => import('./routes/call-detail-route').then(toRoute) },
      { path: '*', lazy: () => import('./routes/not-found-route').then(toRoute) },
    ],
  },
]);

function toRoute(module: { Component: React.ComponentType }) {
  return { Component: module.Component };
}
