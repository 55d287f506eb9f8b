/**
 * A small deterministic PRNG (mulberry32) for demo data, benchmarks and tests: the same seed gives
 * the same sequence on every run. Pure. Production randomness (complaint numbers, tokens) comes
 * from node:crypto in the composition roots, never from here.
 */

/** Pure. Floats in [0, 1) from `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pure. Integers in [0, maxExclusive) from `seed`. */
export function seededRandomInt(seed: number): (maxExclusive: number) => number {
  const next = mulberry32(seed);
  return (max) => Math.floor(next() * max);
}
