import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.policy.js';

describe('passwordProblems', () => {
  it('accepts a password with upper, lower, digit and symbol', () => {
    expect(passwordProblems('Abcdef1!', 'body.password')).toEqual([]);
  });

  it('names each missing class', () => {
    expect(passwordProblems('abcdefgh', 'p').map((p) => p.message)).toEqual([
      'must contain an upper-case letter',
      'must contain a digit',
      'must contain a symbol',
    ]);
  });
});
