import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/** The last line of defence: a readable message instead of a blank page or a stack trace. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : 'Something went wrong while showing this page.';
  return (
    <div role="alert" className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-slate-600">{message}</p>
      <Link to="/" className="mt-4 inline-block text-indigo-700 underline">
        Back to all calls
      </Link>
    </div>
  );
}
