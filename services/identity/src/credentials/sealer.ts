// AES-256-GCM sealing with a sub-key per purpose, so a secret sealed for one use never opens as another.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(plaintext: string): string;
  /** Undefined when the blob was not sealed by this key for this purpose, or was altered. */
  open(sealed: string): string | undefined;
}

/** `key` is the 32-byte master key from configuration; `purpose` separates the derived sub-keys. */
export function createSealer(key: Uint8Array, purpose: string): Sealer {
  if (key.length !== 32) throw new Error('the identity encryption key must be 32 bytes');
  const subKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `concierge/identity/${purpose}`, 32));
  const aad = Buffer.from(purpose);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', subKey, iv).setAAD(aad);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 29) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', subKey, raw.subarray(0, 12)).setAAD(aad);
        decipher.setAuthTag(raw.subarray(raw.length - 16));
        return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        return undefined;
      }
    },
  };
}
