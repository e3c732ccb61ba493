// Deterministic stratified train/dev split: every intent keeps the same share in both parts.
import type { Example } from '../types.js';
import { createRng, shuffle } from '../util/rng.js';

/**
 * Splits examples into train and dev parts with the same intent mix.
 * @example
 * const { train, dev } = stratifiedSplit(dataset.examples, 0.2, 1);
 */
export function stratifiedSplit(
  examples: Example[],
  devShare: number,
  seed: number,
): { train: Example[]; dev: Example[] } {
  const rng = createRng(seed);
  const byIntent = new Map<string, Example[]>();
  for (const ex of examples) byIntent.set(ex.intent, [...(byIntent.get(ex.intent) ?? []), ex]);
  const train: Example[] = [];
  const dev: Example[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const group = shuffle([...byIntent.get(intent)!], rng);
    // Keep at least one training example per intent, even for tiny intents.
    const nDev = Math.min(group.length - 1, Math.round(group.length * devShare));
    dev.push(...group.slice(0, nDev));
    train.push(...group.slice(nDev));
  }
  return { train, dev };
}
