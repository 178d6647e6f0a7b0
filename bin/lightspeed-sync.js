#!/usr/bin/env node
// Entry point: registers the TypeScript loader so the CLI runs from source without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
