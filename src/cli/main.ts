import { readFileSync } from 'node:fs';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { type CliIo, processIo } from './cli-io.ts';
import type { Command } from './command.ts';
import { closeCommandResources } from './command-context.ts';
import { configureCommand } from './commands/configure-command.ts';
import { demoCommand } from './commands/demo-command.ts';
import { exportCommand } from './commands/export-command.ts';
import { fakeStoreCommand } from './commands/fake-store-cli-command.ts';
import { linkCommand } from './commands/link-command.ts';
import { queryCommand } from './commands/query-command.ts';
import { resetCommand } from './commands/reset-command.ts';
import { runCommand } from './commands/run-command.ts';
import { serveCommand } from './commands/serve-command.ts';
import { statusCommand } from './commands/status-command.ts';
import { syncCommand } from './commands/sync-command.ts';
import { tablesCommand } from './commands/tables-command.ts';

/** Every sub-command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  demoCommand,
  linkCommand,
  configureCommand,
  syncCommand,
  runCommand,
  statusCommand,
  tablesCommand,
  queryCommand,
  serveCommand,
  resetCommand,
  exportCommand,
  fakeStoreCommand,
];

function help(io: CliIo): void {
  io.out(`lightspeed-sync: sync a Lightspeed Retail (X-Series) store into DuckDB or PostgreSQL

Usage: lightspeed-sync <command> [options]     (lightspeed-sync <command> --help for more)

Commands:`);
  for (const command of commands) io.out(`  ${command.name.padEnd(12)}${command.summary}`);
  io.out(`
Environment:
  LIGHTSPEED_DOMAIN_PREFIX  store domain prefix (mystore of mystore.retail.lightspeed.app)
  LIGHTSPEED_TOKEN          personal token (never pass it as an argument)
  LIGHTSPEED_API_URL        API base URL override (e.g. a fake store)
  LIGHTSPEED_WAREHOUSE      DuckDB file or postgres:// URL (default ./lightspeed.duckdb)
  LIGHTSPEED_SYNC_HOME      where linked sources are kept (default ~/.config/lightspeed-sync)`);
}

/** Runs the CLI with the given arguments and resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return 0;
  }
  if (name === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    io.out(String(pkg.version));
    return 0;
  }

  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run lightspeed-sync --help for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }

  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(io, command, error);
  } finally {
    await closeCommandResources();
  }
}

function reportError(io: CliIo, command: Command, error: unknown): number {
  if (error instanceof LightspeedSyncError) {
    io.err(`error [${error.code}]: ${error.message}`);
    return error.code === 'usage' ? 2 : 1;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`error [usage]: ${(error as Error).message}\n\n${command.usage}`);
    return 2;
  }

  io.err(`error [internal_error]: ${(error as Error)?.stack ?? String(error)}`);
  return 1;
}
