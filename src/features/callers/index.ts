export { CallerPanel } from './components/caller-panel';
