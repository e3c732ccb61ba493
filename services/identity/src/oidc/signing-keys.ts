// Signing keys in `<dataDir>/keys/jwks.json` (mode 0600): the first key signs, every key stays published until removed.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface PrivateJwks {
  keys: JWK[];
}

export const signingAlg = 'RS256';

function jwksFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'jwks.json');
}

async function newKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(signingAlg, { modulusLength: 2048, extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: signingAlg, use: 'sig' };
}

async function write(dataDir: string, jwks: PrivateJwks): Promise<void> {
  const file = jwksFile(dataDir);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside and renamed, so a crash never leaves half a key file.
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(jwks, null, 2), { mode: 0o600 });
  await fs.rename(temporary, file);
}

/**
 * Reads the keys, generating the first one on first start.
 * @example const jwks = await loadSigningKeys('./data');
 */
export async function loadSigningKeys(dataDir: string): Promise<PrivateJwks> {
  try {
    const jwks = JSON.parse(await fs.readFile(jwksFile(dataDir), 'utf8')) as PrivateJwks;
    if (jwks.keys.length > 0) return jwks;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const jwks = { keys: [await newKey()] };
  await write(dataDir, jwks);
  return jwks;
}

/** Puts a new key first (the signer after the next start); the old ones keep verifying tokens already out. */
export async function rotateSigningKey(dataDir: string): Promise<PrivateJwks> {
  const jwks = { keys: [await newKey(), ...(await loadSigningKeys(dataDir)).keys] };
  await write(dataDir, jwks);
  return jwks;
}

/** Drops a retired key once every token it signed has expired; the signer cannot be removed. */
export async function removeSigningKey(dataDir: string, kid: string): Promise<PrivateJwks> {
  const { keys } = await loadSigningKeys(dataDir);
  if (keys[0]?.kid === kid) throw new Error(`key ${kid} is the current signer; rotate first`);
  const jwks = { keys: keys.filter((k) => k.kid !== kid) };
  await write(dataDir, jwks);
  return jwks;
}

/** The public half of every key, as `/jwks` publishes it. */
export function publicJwks(jwks: PrivateJwks): PrivateJwks {
  return {
    keys: jwks.keys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use }) as JWK),
  };
}
