/** Resolves after `ms` or when `wake` settles, whichever is first; rejects if `signal` aborts. */
export async function abortableSleep(
  ms: number,
  signal?: AbortSignal,
  wake?: Promise<void>,
): Promise<void> {
  signal?.throwIfAborted();

  await new Promise<void>((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(finish, Math.max(0, ms));

    signal?.addEventListener('abort', onAbort, { once: true });
    wake?.then(finish, finish);
  });
}
