#!/usr/bin/env node
// Entry point: registers the TypeScript loader so the CLI runs from source without a build step.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`lightspeed-sync tables | head`) ends output quietly instead of crashing.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
