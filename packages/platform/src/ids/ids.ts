// Sortable identifiers: UUIDv7 (time-ordered), optionally with a short type prefix for readability.
import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * The library's default generator refills 8 random words at a time from the CSPRNG, a call every few ids;
 * ids are made for every request, so this one draws 1,024 words (4 KiB) per call.
 */
function bufferedRandom() {
  const words = new Uint32Array(1024);
  let next = words.length;
  return {
    nextUint32(): number {
      if (next === words.length) {
        randomFillSync(words);
        next = 0;
      }
      return words[next++]!;
    },
  };
}

const generator = new V7Generator(bufferedRandom());
const uuidv7 = () => generator.generate().toString();

/** A new UUIDv7; lexical order follows creation time. */
export function newId(): string {
  return uuidv7();
}

/**
 * A UUIDv7 with a type prefix, e.g. `ord_0190f4c2-...`.
 * @example prefixedId('prd') // 'prd_0192...'
 */
export function prefixedId(prefix: string): string {
  return `${prefix}_${uuidv7()}`;
}
