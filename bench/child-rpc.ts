/**
 * Runs bench parts in child processes, so each part's memory and CPU are its own: the parent
 * forks a TypeScript entry through tsx and talks to it over Node's IPC channel.
 */
import { type ChildProcess, fork } from 'node:child_process';

/** A message from parent to child: call `method` with `params`. */
interface CallMessage {
  id: number;
  method: string;
  params: unknown;
}

/** A message from child to parent: the answer to call `id`, or the ready signal. */
type ReplyMessage =
  | { kind: 'ready'; info: unknown }
  | { kind: 'reply'; id: number; result?: unknown; error?: string };

/** A child process that answers calls until stopped. */
export interface ChildService<Info> {
  /** What the child said when it became ready (e.g. its URL). */
  info: Info;
  /** The child's process id. */
  pid: number;
  /** Calls a handler in the child and returns its result. */
  call<T>(method: string, params?: unknown): Promise<T>;
  /** Asks the child to exit, and kills it if it does not within 10 s. */
  stop(): Promise<void>;
}

/** The handlers a child serves, by method name. */
export type ChildHandlers = Record<string, (params: never) => unknown>;

/**
 * Forks `entry` (a .ts file) with `input` as its one argument (JSON), waits for its ready
 * signal and returns a handle to call it. The child must call `serveParent`.
 */
export async function startChildService<Info>(
  entry: string,
  input: unknown,
): Promise<ChildService<Info>> {
  const child = forkTs(entry, input);
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const info = await new Promise<Info>((resolve, reject) => {
    child.on('message', (message: ReplyMessage) => {
      if (message.kind === 'ready') resolve(message.info as Info);
      if (message.kind !== 'reply') return;

      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
    child.once('exit', (code) => {
      const error = new Error(`${entry} exited with code ${code}`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
    });
  });

  return {
    info,
    pid: child.pid ?? 0,
    call<T>(method: string, params?: unknown): Promise<T> {
      const id = nextId++;
      const message: CallMessage = { id, method, params };

      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send(message);
      });
    },
    async stop(): Promise<void> {
      if (child.exitCode !== null) return;

      child.send({ id: 0, method: '__exit', params: null } satisfies CallMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Forks `entry` with `input`, waits for the one result it sends, and for it to exit. */
export async function runChildOnce<Output>(entry: string, input: unknown): Promise<Output> {
  const child = forkTs(entry, input);
  let output: Output | undefined;
  let failure: string | undefined;
  child.on('message', (message: ReplyMessage) => {
    if (message.kind !== 'reply') return;
    if (message.error !== undefined) failure = message.error;
    else output = message.result as Output;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (failure !== undefined) throw new Error(`${entry} failed: ${failure}`);
  if (output === undefined) throw new Error(`${entry} exited with code ${code} and no result`);

  return output;
}

/** Reads the JSON input a child was started with. */
export function childInput<Input>(): Input {
  return JSON.parse(process.argv[2] ?? 'null') as Input;
}

/** In a child: answers the parent's calls with `handlers`, after announcing `info`. */
export function serveParent(handlers: ChildHandlers, info: unknown): void {
  process.on('message', async (message: CallMessage) => {
    if (message.method === '__exit') process.exit(0);

    const handler = handlers[message.method];
    try {
      if (!handler) throw new Error(`unknown method ${message.method}`);

      const result = await handler(message.params as never);
      process.send?.({ kind: 'reply', id: message.id, result } satisfies ReplyMessage);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send?.({ kind: 'reply', id: message.id, error: text } satisfies ReplyMessage);
    }
  });
  process.send?.({ kind: 'ready', info } satisfies ReplyMessage);
}

/** In a one-shot child: runs `work`, sends its result (or error) and lets the process end. */
export async function replyOnce(work: () => Promise<unknown>): Promise<void> {
  let reply: ReplyMessage;
  try {
    reply = { kind: 'reply', id: 0, result: await work() };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    reply = { kind: 'reply', id: 0, error: text };
  }
  await new Promise<void>((resolve) => process.send?.(reply, () => resolve()));
  process.disconnect();
}

function forkTs(entry: string, input: unknown): ChildProcess {
  // BENCH_CPU_PROF_DIR=dir writes a CPU profile of every bench child into dir.
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];

  return fork(entry, [JSON.stringify(input)], {
    execArgv: ['--import', 'tsx', ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
