// Viterbi decoding for a first-order chain with hard transition constraints.

/**
 * Best label path. `emit` is n×L, `trans` is (L+1)×L where row L scores the sentence start,
 * `mask` marks allowed transitions with the same layout, and `allowed` lists the labels that may
 * appear at all (a shared tagger restricted to one intent's slots).
 */
export function viterbi(
  n: number,
  L: number,
  emit: Float64Array,
  trans: Float64Array,
  mask: Uint8Array,
  allowed: ArrayLike<number>,
): Int32Array {
  const path = new Int32Array(n);
  if (n === 0) return path;
  const score = new Float64Array(n * L).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * L);
  for (let a = 0; a < allowed.length; a++) {
    const c = allowed[a]!;
    if (mask[L * L + c]) score[c] = emit[c]! + trans[L * L + c]!;
  }
  for (let i = 1; i < n; i++) {
    for (let a = 0; a < allowed.length; a++) {
      const c = allowed[a]!;
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let b = 0; b < allowed.length; b++) {
        const p = allowed[b]!;
        if (!mask[p * L + c]) continue;
        const s = score[(i - 1) * L + p]! + trans[p * L + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + c] = best + emit[i * L + c]!;
      back[i * L + c] = arg;
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < allowed.length; a++) {
    const c = allowed[a]!;
    if (score[(n - 1) * L + c]! > best) {
      best = score[(n - 1) * L + c]!;
      path[n - 1] = c;
    }
  }
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + path[i]!]!;
  return path;
}
