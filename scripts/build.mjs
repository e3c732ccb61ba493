// Builds the `concierge` program: one ESM bundle of our code; npm dependencies stay in node_modules.
import { build } from 'esbuild';

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
console.log(`built dist/concierge.mjs in ${Date.now() - started} ms`);
