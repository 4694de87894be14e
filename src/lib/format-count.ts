// One formatter for every count, built on first use: an Intl formatter per call costs milliseconds.
let countFormat: Intl.NumberFormat | undefined;

/** A count with the viewer's digit grouping: 12,345. */
export function formatCount(value: number): string {
  return (countFormat ??= new Intl.NumberFormat()).format(value);
}
