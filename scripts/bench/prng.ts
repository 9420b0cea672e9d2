// A small seeded pseudo-random generator, so that the generated corpus and the recovery edits are the same on every run.

/**
 * mulberry32: a 32-bit generator that is fast, has a full period of 2^32 and passes the usual statistical tests,
 * which is plenty for picking edit offsets and shaping generated files. `Math.random` cannot be seeded, so it is never used here.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash, used to give each file its own seed. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A seed for one named stream derived from a run's seed.
 * Deriving per file (rather than drawing from one stream for the whole run) keeps a file's edits the same
 * when other files are added to or removed from the corpus.
 */
export function deriveSeed(seed: number, name: string): number {
  return hashString(name, hashString(String(seed >>> 0)));
}

/** Convenience draws over a seeded stream. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max) ; `max` must exceed `min`. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One element, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [item, weight] of items) {
      draw -= weight;
      if (draw < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** `count` distinct elements in their original order (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }
}
