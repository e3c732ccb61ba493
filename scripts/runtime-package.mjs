// Prints the package.json of a runtime install: only what the bundle keeps external (native modules and
// packages that load files of their own), each pinned to the version package-lock.json resolved.
import fs from 'node:fs';

const external = [
  'better-sqlite3',
  'pino',
  'pino-pretty',
  'thread-stream',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'oidc-provider',
];
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const root = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const dependencies = {};
for (const name of external) {
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`${name} is not in package-lock.json; run npm install first`);
  dependencies[name] = entry.version;
}
const runtime = {
  name: `${root.name}-runtime`,
  version: root.version,
  private: true,
  type: 'module',
  description: 'The external dependencies of dist/concierge.mjs (made by scripts/runtime-package.mjs).',
  engines: root.engines,
  dependencies,
};
process.stdout.write(`${JSON.stringify(runtime, null, 2)}\n`);
