import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appServerPort = Number(process.env.PORT ?? 8080);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@contract': fileURLToPath(new URL('./contract/index.ts', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/v1': `http://127.0.0.1:${appServerPort}`,
      '/api': `http://127.0.0.1:${appServerPort}`,
      '/healthz': `http://127.0.0.1:${appServerPort}`,
    },
  },
  // The app server swaps this for a fresh nonce per response (server/app-server/entry-document.ts).
  html: { cspNonce: 'CALLSCOPE_CSP_NONCE' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // contract/ only declares schemas and pure helpers: a page that imports one schema through
      // the barrel need not carry the others (zod builds each one with a call, kept otherwise).
      treeshake: { moduleSideEffects: (id) => !id.includes('/contract/') },
      // Everything the first page needs in one file: split into shared chunks it compressed
      // worse and cost a request each; lazy pages and panels import from it.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
});
