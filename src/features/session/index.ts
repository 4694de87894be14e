export { SessionMenu } from './session-menu';
