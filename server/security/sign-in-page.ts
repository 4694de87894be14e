/**
 * The sign-in page: server-rendered HTML with no script and no inline style, so it works under
 * the strict Content-Security-Policy. Its stylesheet is served at /sign-in.css.
 */
export function renderSignInPage(options: {
  next: string;
  username?: string;
  error?: string;
}): string {
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sign in · Callscope</title>
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <link rel="stylesheet" href="/sign-in.css" />
  </head>
  <body>
    <main class="card">
      <h1>Callscope</h1>
      <p class="lead">Sign in to review your calls.</p>
      ${error}
      <form method="post" action="/sign-in">
        <input type="hidden" name="next" value="${escapeHtml(options.next)}" />
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" required autofocus maxlength="64" value="${escapeHtml(options.username ?? '')}" />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024" />
        <button type="submit">Sign in</button>
      </form>
    </main>
  </body>
</html>
`;
}

/**
 * Follows the system's light or dark theme (the page runs no script, so the dashboard's own
 * choice cannot reach it). Colours are the dashboard's slate and indigo in each theme, each pair
 * at WCAG AA contrast or better.
 */
export const SIGN_IN_CSS = `*{box-sizing:border-box}
:root{color-scheme:light dark}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:light-dark(#f8fafc,#020618);
color:light-dark(#0f172a,#f1f5f9);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{width:min(360px,calc(100vw - 32px));background:light-dark(#fff,#0f172b);
border:1px solid light-dark(#e2e8f0,#314158);border-radius:12px;padding:28px;box-shadow:0 1px 3px rgb(15 23 42/.08)}
h1{margin:0;font-size:20px}
.lead{margin:4px 0 20px;color:light-dark(#475569,#cad5e2)}
form{display:flex;flex-direction:column;gap:6px}
label{font-weight:600;font-size:14px;margin-top:8px}
input{font:inherit;padding:8px 10px;border:1px solid light-dark(#cbd5e1,#62748e);border-radius:8px;
background:light-dark(#fff,#020618);color:inherit}
input:focus{outline:2px solid light-dark(#4f46e5,#a3b3ff);outline-offset:1px}
button{margin-top:18px;font:inherit;font-weight:600;padding:9px 12px;border:0;border-radius:8px;min-height:44px;
background:light-dark(#4f46e5,#a3b3ff);color:light-dark(#fff,#1e1a4d);cursor:pointer}
button:hover{background:light-dark(#4338ca,#c6d2ff)}
button:focus-visible{outline:2px solid light-dark(#1e1b4b,#e0e7ff);outline-offset:2px}
.error{margin:0 0 8px;padding:8px 10px;border:1px solid light-dark(#fecdd3,#8b0836);border-radius:8px;
background:light-dark(#fff1f2,#4d0218);color:light-dark(#881337,#ffe4e6)}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Where to go after signing in: a path on this site only, never another origin. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2_000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\p{Cc}]/u.test(value)) return '/';
  return value;
}
