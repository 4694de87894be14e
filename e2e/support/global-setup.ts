import type { FullConfig } from '@playwright/test';
import { waitForIndex } from './index-ready';

/** The run's app server is up (its webServer answered); its list needs the index filled too. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (baseURL) await waitForIndex(baseURL);
}
