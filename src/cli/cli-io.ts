/** Where a command writes and what it knows of its terminal, so commands can be tested. */
export interface CliIo {
  /** Writes a line to standard output. */
  out(line: string): void;
  /** Writes a line to standard error. */
  err(line: string): void;
  /** Rewrites the lines of a live progress display (only used when `isTTY`). */
  redraw(lines: string[]): void;
  /** Whether standard output is a terminal a person is watching. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** The process's own terminal. */
export function processIo(): CliIo {
  let drawn = 0;

  return {
    out: (line) => {
      drawn = 0;
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      process.stderr.write(`${line}\n`);
    },
    redraw: (lines) => {
      const up = drawn > 0 ? `\x1b[${drawn}A` : '';
      process.stdout.write(`${up}${lines.map((line) => `\x1b[2K${line}\n`).join('')}`);
      drawn = lines.length;
    },
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
