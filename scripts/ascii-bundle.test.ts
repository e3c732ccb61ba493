// The bundle is made ASCII-only so V8 keeps its source text at one byte per character (scripts/ascii-bundle.mjs).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without declarations
import { asciiOnly } from './ascii-bundle.mjs';

const run = (source: string) => {
  const out = asciiOnly(source, 'test.mjs') as string;
  const value = new Function(`return ${out.trim().replace(/;$/, '')}`)() as unknown;
  return { out, value };
};

describe('asciiOnly', () => {
  it('leaves an ASCII text as it is', () => {
    expect(asciiOnly('const a = 1; // plain\n', 'test.mjs')).toBe('const a = 1; // plain\n');
  });

  it('blanks comments to the same length, so source maps still line up', () => {
    const source = '/* Wärting’s */ 1 + 1 // café ☕\n';
    const { out, value } = run(source);
    expect(out).toBe('/* W?rting?s */ 1 + 1 // caf? ?\n');
    expect(out).toHaveLength(source.length);
    expect(value).toBe(2);
  });

  it('escapes regular expression literals into the same pattern', () => {
    // Strings reach this step already escaped by esbuild; regular expression literals do not.
    const { out, value } = run("/^(to|–|until)$/u.test('\\u2013') && /[€£]/.test('\\u00a3')");
    expect(/[\u0080-\uffff]/.test(out)).toBe(false);
    expect(out).toContain('\\u2013');
    expect(value).toBe(true);
  });

  it('refuses a template literal it cannot escape without changing its raw text, naming the place', () => {
    expect(() => asciiOnly('const x = 1;\nString.raw`×`;\n', 'bundle.mjs')).toThrow(/bundle\.mjs:2:12/);
  });
});
