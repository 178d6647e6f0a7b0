/**
 * Wraps an async iterator so the next item is already being produced while the caller works
 * on the current one: the next page downloads while this one is written to the warehouse.
 * At most one item is held ahead, so memory stays at two pages.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let pending = source.next();
  try {
    while (true) {
      const current = await pending;
      if (current.done) return;

      pending = source.next();
      // Unobserved rejections of the look-ahead are handled when it is awaited next time.
      pending.catch(() => {});
      yield current.value;
    }
  } finally {
    await source.return?.();
  }
}
