export * from './fields';
export * from './timestamps';
export * from './conversation';
export * from './errors';
export * from './peaks';
export * from './caller-phone';
