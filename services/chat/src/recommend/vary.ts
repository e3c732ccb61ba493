// Variety without randomness in tests: a seeded pick of `count` items, favouring the best-ranked ones.
import { createRng } from '../nlu/training/seeded.js';

/** Picks `count` of `ranked` (best first), drawing from the top `count * 2` by a weighted seeded draw. */
export function pickVaried<T>(ranked: T[], count: number, seed: number): T[] {
  const pool = ranked.slice(0, count * 2);
  const rng = createRng(seed);
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    // Weight by rank so the best still comes up most often: 1, 1/2, 1/3, ...
    const weights = pool.map((_, i) => 1 / (i + 1));
    let draw = rng.next() * weights.reduce((a, b) => a + b, 0);
    let index = 0;
    while (index < pool.length - 1 && draw >= weights[index]!) draw -= weights[index++]!;
    chosen.push(...pool.splice(index, 1));
  }
  return chosen;
}
