/** The fake Lightspeed Retail X-Series store: start one, change it, inspect it. */
export * from './fake-store.ts';
export { runFakeStoreCommand } from './fake-store-command.ts';
