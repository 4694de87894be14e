/** Where the e2e run's own servers listen; playwright.config.ts starts the app server with these. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);
export const E2E_API_PORT = Number(process.env.E2E_API_PORT ?? E2E_PORT + 1);
export const E2E_API_TOKEN = 'e2e-demo-token';
export const E2E_API_ORIGIN = `http://127.0.0.1:${E2E_API_PORT}`;
/**
 * A storage host that tests start themselves, to serve a damaged recording; the app server is
 * configured to trust its origin, as a user would configure their own storage.
 */
export const E2E_STORAGE_PORT = E2E_PORT + 2;
export const E2E_STORAGE_ORIGIN = `http://127.0.0.1:${E2E_STORAGE_PORT}`;
