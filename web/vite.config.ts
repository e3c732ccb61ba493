// Builds the web app into dist/web (served by the gateway, or uploaded as static files); the catalog images
// in web/images are generated and committed, so they are copied beside the build as they are.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: false,
  base: '/',
  resolve: { alias: { '@concierge/sdk': here('../packages/sdk/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles: the Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  plugins: [
    {
      name: 'copy-catalog-images',
      apply: 'build',
      closeBundle() {
        fs.cpSync(here('images'), here('../dist/web/images'), { recursive: true });
      },
    },
  ],
  server: {
    port: 5173,
    proxy: { '/v1': 'http://localhost:3000', '/app-config.json': 'http://localhost:3000' },
  },
});
