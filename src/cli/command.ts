import type { CliIo } from './cli-io.ts';

/** One `lightspeed-sync` sub-command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text for `lightspeed-sync NAME --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}
