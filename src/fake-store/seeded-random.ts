/**
 * Fast deterministic randomness for the fake store. Every record is generated from its own
 * small generator seeded by (store seed, stream, index), so any record can be rebuilt alone.
 */

/** Mixes integers into one well-spread unsigned 32-bit hash (murmur3 finaliser rounds). */
export function hashInts(...values: number[]): number {
  let hash = 0x9e3779b9;
  for (const value of values) {
    let mixed = Math.imul(value | 0, 0xcc9e2d51);
    mixed = (mixed << 15) | (mixed >>> 17);
    hash ^= Math.imul(mixed, 0x1b873593);
    hash = Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64;
    // Indexes above 2^32 would otherwise alias: fold the high part in as well.
    hash ^= Math.floor(value / 0x100000000);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;

  return hash >>> 0;
}

const hexBytes = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));

/** A mulberry32 pseudo-random generator with the helpers record generators need. */
export class SeededRandom {
  private state: number;

  constructor(...seedParts: number[]) {
    this.state = hashInts(...seedParts);
  }

  /** Returns an unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);

    return (mixed ^ (mixed >>> 14)) >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** Returns an integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Returns one element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Returns 8 lowercase hex digits. */
  hex8(): string {
    const value = this.nextUint32();

    return (
      (hexBytes[value >>> 24] as string) +
      hexBytes[(value >>> 16) & 255] +
      hexBytes[(value >>> 8) & 255] +
      hexBytes[value & 255]
    );
  }

  /** Returns a lowercase UUID in the v1-like layout the X-Series API uses. */
  uuid(): string {
    const a = this.hex8();
    const b = this.hex8();
    const c = this.hex8();
    const d = this.hex8();

    return `${a}-${b.slice(0, 4)}-11${b.slice(5, 7)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}
