import fs from 'node:fs';
import { expect, it } from 'vitest';
import { generatedTypesFile, renderApiTypes } from '../../../../scripts/sdk-generate.js';

it('matches api/openapi.yaml (run `npm run sdk:generate` after changing the contract)', async () => {
  expect(fs.readFileSync(generatedTypesFile, 'utf8')).toBe(await renderApiTypes());
});
