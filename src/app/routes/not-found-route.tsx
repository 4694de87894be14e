import { Link } from 'react-router';

export function Component() {
  return (
    <div className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link to="/" className="mt-4 inline-block text-indigo-700 underline">
        Back to all calls
      </Link>
    </div>
  );
}
