// Bundles the Lambda entry points with esbuild (one minified ESM file per service, no dev dependencies), and
// ships the chat function its trained model, so no cold start trains one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChatModel } from '@concierge/chat';
import { build } from 'esbuild';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const bundles = ['gateway', 'catalog', 'chat', 'orders', 'notifications', 'migrate'] as const;

/** Writes `<outDir>/<bundle>/index.mjs` for every bundle; returns each bundle's size in bytes. */
export async function bundleLambdas(outDir: string): Promise<Record<string, number>> {
  const result = await build({
    metafile: true,
    entryPoints: Object.fromEntries(
      bundles.map((name) => [
        `${name}/index`,
        path.join(here, 'src', 'runtime', 'entries', `${name}.entry.ts`),
      ]),
    ),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    // pg's optional native binding is never installed; better-sqlite3's addon is loaded only by the embedded mode.
    external: ['pg-native'],
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  refuseDevDependencies(Object.keys(result.metafile.inputs));
  const api = parse(fs.readFileSync(path.join(root, 'api', 'openapi.yaml'), 'utf8'));
  for (const name of bundles) {
    fs.writeFileSync(path.join(outDir, name, 'openapi.json'), JSON.stringify(api));
  }
  const botFile = path.join(root, 'services', 'chat', 'bot', 'concierge.bot.yaml');
  const chatDir = path.join(outDir, 'chat');
  fs.copyFileSync(botFile, path.join(chatDir, 'concierge.bot.yaml'));
  // Writes chat/models/concierge.model.json, or keeps the one there when the bot definition is unchanged.
  loadChatModel({ dataDir: chatDir, botFile });
  return Object.fromEntries(
    bundles.map((name) => [name, fs.statSync(path.join(outDir, name, 'index.mjs')).size]),
  );
}

/** A bundle that pulls in a dev dependency (the CDK, the test runner…) is a mistake; stop the build. */
function refuseDevDependencies(inputs: string[]): void {
  const manifest = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const dev = new Set([
    ...Object.keys(manifest(path.join(root, 'package.json')).devDependencies ?? {}),
    ...Object.keys(manifest(path.join(here, 'package.json')).devDependencies ?? {}),
    'aws-cdk-lib',
    'constructs',
  ]);
  const found = new Set<string>();
  for (const input of inputs) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
    if (name && dev.has(name)) found.add(name);
  }
  if (found.size > 0)
    throw new Error(`the Lambda bundles include dev dependencies: ${[...found].join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const sizes = await bundleLambdas(path.join(here, 'dist', 'lambda'));
  const listed = Object.entries(sizes).map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KiB`);
  console.log(`bundled ${listed.join(', ')} in ${Date.now() - started} ms`);
}
