export { CallsPage } from './components/calls-page';
