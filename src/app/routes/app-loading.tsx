/** Shown while the first page's code loads (a call opened directly, before its chunk arrives). */
export function AppLoading() {
  return (
    <div role="status" className="p-6 text-sm text-slate-500">
      Loading Callscope…
    </div>
  );
}
