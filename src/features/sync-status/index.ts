export { SyncBanner } from './components/sync-banner';
export { SyncStatusLine } from './components/sync-status-line';
