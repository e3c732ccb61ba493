// Deterministic UUIDv7 ids for demo data: a fixed timestamp per row and PRNG random bits.
import type { Rng } from './prng.js';

/** Seed rows are stamped from this instant on, a minute apart. */
export const seedEpochMs = Date.UTC(2025, 0, 1);

/** The creation instant of the `index`-th seeded row of a kind. */
export function seedInstant(index: number): Date {
  return new Date(seedEpochMs + index * 60_000);
}

/**
 * Same layout as `prefixedId` (so ids sort by creation like every other id), but reproducible: reseeding
 * gives every demo row its old id, and links such as "the same as last time" keep working.
 */
export function seedId(prefix: string, at: Date, rng: Rng): string {
  const time = at.getTime().toString(16).padStart(12, '0');
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  const variant = (8 + rng.int(0, 3)).toString(16);
  return `${prefix}_${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
