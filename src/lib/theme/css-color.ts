/**
 * A colour custom property as the browser resolves it on `element` (for a canvas, which knows
 * neither `var()` nor `light-dark()`): a probe element takes it as its colour, which the browser
 * computes under the page's current colour scheme.
 */
export function resolveCssColor(name: `--${string}`, element: Element = document.body): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  probe.style.display = 'none';
  element.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
