/**
 * Runs of the same table into the same warehouse schema, inside one process, one after the
 * other: the web app's "sync now" and the scheduler may ask for the same table at once, and
 * two walks committing cursors into one table could move its cursor backwards. Separate
 * processes are kept apart by the scheduler's database locks and by DuckDB's file lock.
 */
const tails = new Map<string, Promise<unknown>>();

/** Runs `work` once every earlier run holding the same key in this process has finished. */
export async function withTableRunLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
