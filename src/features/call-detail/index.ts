export { CallDetailPage } from './components/call-detail-page';
