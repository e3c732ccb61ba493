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

  it('spends tens of milliseconds per hash with the default cost', async () => {
    const sut = createPasswordHasher(defaultScryptCost);
    const started = performance.now();
    await sut.hash('Corr3ct-horse');
    const ms = performance.now() - started;
    // Wide bounds: shared CI machines are noisy; the tuning target is 50–250 ms.
    expect(ms).toBeGreaterThan(20);
    expect(ms).toBeLessThan(2000);
  });
});
