// Password hashing with scrypt from node:crypto; the parameters travel inside each hash so they can be raised later.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * N=2^15, r=8, p=1 (32 MiB) measured 110–186 ms per hash (median ≈ 150 ms) on the 2-core build
 * machine with Node 20; 2^16 took 375–520 ms, above the 250 ms budget for a sign-in.
 */
export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const keyLength = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node refuses scrypt above 32 MiB unless maxmem allows it; 128·N·r bytes plus headroom.
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison; a malformed hash is simply a mismatch. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Spends the same time as a verify against nothing, so unknown accounts answer as slowly as known ones. */
  burn(password: string): Promise<void>;
}

/** Hashes as `scrypt$N$r$p$salt$key` (base64url salt and key). */
export function createPasswordHasher(cost: ScryptCost = defaultScryptCost): PasswordHasher {
  const dummySalt = randomBytes(16);
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join(
        '$',
      );
    },
    async verify(password, encoded) {
      const [scheme, n, r, p, salt, key] = encoded.split('$');
      if (scheme !== 'scrypt' || !salt || !key) return false;
      const expected = Buffer.from(key, 'base64url');
      const actual = await derive(password, Buffer.from(salt, 'base64url'), {
        N: Number(n),
        r: Number(r),
        p: Number(p),
      });
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    async burn(password) {
      await derive(password, dummySalt, cost);
    },
  };
}
