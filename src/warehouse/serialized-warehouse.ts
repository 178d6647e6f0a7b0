import type { Warehouse } from './warehouse.ts';

/**
 * Wraps a warehouse so that its asynchronous methods run one at a time, in call order. Tables
 * sync concurrently, but an embedded warehouse has one connection and one writer; queueing
 * here keeps every implementation free of locking.
 */
export function serializeWarehouse<W extends Warehouse>(warehouse: W): W {
  let tail: Promise<unknown> = Promise.resolve();

  return new Proxy(warehouse, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;

      return (...args: unknown[]) => {
        const result = tail.then(() => value.apply(target, args));
        tail = result.catch(() => undefined);

        return result;
      };
    },
  });
}
