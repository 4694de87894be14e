export { CallsPage } from './components/calls-page';
export { prefetchCallList } from './prefetch';
