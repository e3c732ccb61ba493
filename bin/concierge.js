#!/usr/bin/env node
// The `concierge` command: runs the built bundle (`npm run build` makes it).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/concierge.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('concierge: the program is not built yet. Run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(bundle.href);
