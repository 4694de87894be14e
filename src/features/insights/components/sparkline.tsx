/** A small trend line of counts; the numbers are in its accessible name. */
export function Sparkline({ values }: { values: number[] }) {
  const max = Math.max(1, ...values);
  const width = 80;
  const height = 20;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((value, i) => `${(i * step).toFixed(1)},${(height - (value / max) * height).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Calls per period: ${values.join(', ')}`}
      className="ml-auto text-indigo-600"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
