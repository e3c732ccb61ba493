// The repository's api/openapi.yaml, parsed once per test file.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { OpenApi } from '../../stack/api-definition.js';

export const repositoryRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

let cached: OpenApi | undefined;
export function loadDocument(): OpenApi {
  const document: OpenApi = cached ?? parse(fs.readFileSync(`${repositoryRoot}api/openapi.yaml`, 'utf8'));
  cached = document;
  return structuredClone(document);
}
