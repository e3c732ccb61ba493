// Builds the `concierge` program: one ESM bundle of our code; npm dependencies stay in node_modules.
import fs from 'node:fs';
import { build } from 'esbuild';
import { parse } from 'yaml';

const started = Date.now();
await build({
  entryPoints: ['packages/cli/src/main.ts'],
  outfile: 'dist/concierge.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build.mjs from packages/*/src and services/*/src; do not edit.' },
});
// The gateway loads this JSON copy of the contract at start; parsing the YAML would double the start time.
fs.writeFileSync('dist/openapi.json', JSON.stringify(parse(fs.readFileSync('api/openapi.yaml', 'utf8'))));
console.log(`built dist/concierge.mjs and dist/openapi.json in ${Date.now() - started} ms`);
