import { serveJobs } from '../workers/worker-pool';
import { preparePageBody, type PreparedPageBody, type PageBody } from './prepare-page-body';

/** Parsing a page and building its records is most of a backfill's work: done here. */
serveJobs<PageBody, PreparedPageBody>(async (page) => ({ value: preparePageBody(page) }));
