export { CallsPage, type ListView } from './components/calls-page';
export { prefetchCallList } from './prefetch';
