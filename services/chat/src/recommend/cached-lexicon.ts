// The catalog's facets and restaurant names as a Lexicon, refreshed at most once a minute so a turn costs no
// extra catalog query: a stale lexicon keeps answering while the next one loads.
import { Lexicon } from '../dialog/lexicon.js';
import type { CatalogClient } from './catalog-client.js';

export function cachedLexicon(
  catalog: CatalogClient,
  now: () => Date,
  maxAgeMs = 60_000,
): () => Promise<Lexicon> {
  let current: { lexicon: Lexicon; at: number } | undefined;
  let loading: Promise<Lexicon> | undefined;
  const load = (at: number) =>
    (loading ??= Promise.all([catalog.facets(), catalog.restaurantDirectory()])
      .then(([facets, restaurants]) => {
        current = { lexicon: new Lexicon(facets, restaurants), at };
        return current.lexicon;
      })
      .finally(() => {
        loading = undefined;
      }));
  return async () => {
    const at = now().getTime();
    if (!current) return load(at);
    if (at - current.at >= maxAgeMs)
      // A failed refresh keeps the lexicon it has; the next turn tries again.
      load(at).catch(() => undefined);
    return current.lexicon;
  };
}
