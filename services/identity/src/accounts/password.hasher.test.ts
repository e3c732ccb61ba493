import { describe, expect, it } from 'vitest';
import { createPasswordHasher, defaultScryptCost } from './password.hasher.js';

describe('createPasswordHasher', () => {
  it('verifies the right password only and keeps the cost inside the hash', async () => {
    const sut = createPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
    const hash = await sut.hash('Corr3ct-horse');
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await sut.verify('Corr3ct-horse', hash)).toBe(true);
    expect(await sut.verify('corr3ct-horse', hash)).toBe(false);
    expect(await sut.verify('Corr3ct-horse', 'bcrypt$garbage')).toBe(false);
    expect(await sut.hash('Corr3ct-horse')).not.toBe(hash);
  });

  it('hashes with the default cost unless told otherwise, and records it in the hash', async () => {
    // The time this cost takes on this machine (target 50–250 ms) is measured by `npm run bench identity`.
    expect(defaultScryptCost).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const hash = await createPasswordHasher().hash('Corr3ct-horse');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await createPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }).verify('Corr3ct-horse', hash)).toBe(true);
  });
});
