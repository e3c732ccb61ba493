// Lints the contract with the repository's Spectral ruleset (OAS + OWASP), offline, exactly as `spectral lint` would.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface SpectralResult {
  code: string | number;
  message: string;
  path: string[];
  severity: number;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const spectralBin = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/dist/index.js');

function lint(): SpectralResult[] {
  const run = spawnSync(
    process.execPath,
    [
      spectralBin,
      'lint',
      here('./openapi.yaml'),
      '--ruleset',
      here('./.spectral.yaml'),
      '--format',
      'json',
      '--quiet',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  // Spectral exits 1 when it finds errors; only a missing report means it could not run.
  if (!run.stdout.trim().startsWith('['))
    throw new Error(`spectral did not run: ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout) as SpectralResult[];
}

describe('api/openapi.yaml', () => {
  it('passes Spectral (spectral:oas + OWASP) without errors or warnings', () => {
    const findings = lint().map(
      (r) => `${r.severity === 0 ? 'error' : 'warning'} ${r.code} at ${r.path.join('.')}: ${r.message}`,
    );
    expect(findings.filter((f) => f.startsWith('error'))).toEqual([]);
    expect(findings).toEqual([]);
  }, 60_000);
});
