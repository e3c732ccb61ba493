import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningKeys, publicJwks, removeSigningKey, rotateSigningKey } from './signing-keys.js';

describe('signing keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keys-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('generates one key on first start and reads the same one afterwards', async () => {
    const first = await loadSigningKeys(dir);
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', d: expect.any(String) });
    expect(await loadSigningKeys(dir)).toEqual(first);
  });

  it('rotates: the new key signs, the old one stays published until removed', async () => {
    const old = (await loadSigningKeys(dir)).keys[0]!;
    const rotated = await rotateSigningKey(dir);
    expect(rotated.keys.map((k) => k.kid)).toEqual([expect.any(String), old.kid]);
    expect(rotated.keys[0]!.kid).not.toBe(old.kid);
    await expect(removeSigningKey(dir, rotated.keys[0]!.kid!)).rejects.toThrow(/current signer/);
    const after = await removeSigningKey(dir, old.kid!);
    expect(after.keys.map((k) => k.kid)).toEqual([rotated.keys[0]!.kid]);
    expect((await fs.stat(path.join(dir, 'keys', 'jwks.json'))).mode & 0o777).toBe(0o600);
  });

  it('publishes only the public half', async () => {
    const sut = publicJwks(await loadSigningKeys(dir));
    expect(Object.keys(sut.keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});
