// The catalog's facets as a Lexicon, refreshed at most once a minute so a turn costs no extra catalog query.
import { Lexicon } from '../dialog/lexicon.js';
import type { CatalogClient } from './catalog-client.js';

export function cachedLexicon(
  catalog: CatalogClient,
  now: () => Date,
  maxAgeMs = 60_000,
): () => Promise<Lexicon> {
  let current: { lexicon: Lexicon; at: number } | undefined;
  let loading: Promise<Lexicon> | undefined;
  return async () => {
    const at = now().getTime();
    if (current && at - current.at < maxAgeMs) return current.lexicon;
    loading ??= catalog
      .facets()
      .then((facets) => {
        current = { lexicon: new Lexicon(facets), at };
        return current.lexicon;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
}
