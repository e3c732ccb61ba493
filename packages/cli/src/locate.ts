// Finds the files the system ships beside its code (the API document, the web app), from source or bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installation root: the nearest folder above this module that holds `api/openapi.yaml`. */
export function installRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'api', 'openapi.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('cannot find api/openapi.yaml above the program; is the install complete?');
    dir = parent;
  }
}

/** The API document to configure the gateway from: the build's JSON copy unless the YAML is newer. */
export function apiDocumentFile(root: string): string {
  const yaml = path.join(root, 'api', 'openapi.yaml');
  const json = path.join(root, 'dist', 'openapi.json');
  const fresh = fs.existsSync(json) && fs.statSync(json).mtimeMs >= fs.statSync(yaml).mtimeMs;
  return fresh ? json : yaml;
}
