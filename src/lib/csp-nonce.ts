/**
 * The nonce the server put in this page's Content-Security-Policy for inline <style> elements
 * (Vite writes it into `<meta property="csp-nonce">`). Browsers hide the attribute after parsing,
 * so it is read through the `nonce` property.
 */
export function documentStyleNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}
