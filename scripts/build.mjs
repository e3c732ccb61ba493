// Builds the `concierge` program: one ESM bundle of our code and its pure-JS dependencies, which starts in
// about two thirds of the time that resolving and loading hundreds of files from node_modules takes.
// Kept external: native modules, packages that load files or worker scripts relative to themselves, and
// oidc-provider (loaded as published so its own module graph stays intact).
import fs from 'node:fs';
import { build } from 'esbuild';
import { build as buildWeb } from 'vite';
import { parse } from 'yaml';
import { asciiOnly } from './ascii-bundle.mjs';

const external = [
  'better-sqlite3',
  'pg-native',
  'pino',
  'pino-pretty',
  'thread-stream',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'oidc-provider',
  'esbuild',
];

const started = Date.now();
await build({
  entryPoints: ['packages/cli/src/main.ts'],
  outfile: 'dist/concierge.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "// Built by scripts/build.mjs; do not edit.\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
fs.writeFileSync(
  'dist/concierge.mjs',
  asciiOnly(fs.readFileSync('dist/concierge.mjs', 'utf8'), 'dist/concierge.mjs'),
);
// The gateway loads this JSON copy of the contract at start; parsing the YAML would double the start time.
fs.writeFileSync('dist/openapi.json', JSON.stringify(parse(fs.readFileSync('api/openapi.yaml', 'utf8'))));
// The web app (Vite, web/vite.config.ts) into dist/web, which the gateway serves in the embedded mode.
await buildWeb({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
console.log(`built dist/concierge.mjs, dist/openapi.json and dist/web in ${Date.now() - started} ms`);
