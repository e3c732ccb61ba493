// Validates answers against the component schemas of api/openapi.yaml, as the gateway serializes them.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const document = parse(readFileSync(new URL('../../../../api/openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: document.components });

/** The schema errors of `value` against `#/components/schemas/<name>`, empty when it conforms. */
export function contractProblems(name: string, value: unknown): string[] {
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!validate) return [`no schema ${name}`];
  return validate(value) ? [] : [ajv.errorsText(validate.errors)];
}
