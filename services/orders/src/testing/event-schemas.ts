// Validates published events against api/events (envelope and data schema of their type).
import { readdirSync, readFileSync } from 'node:fs';
import type { EventEnvelope } from '@concierge/platform';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const dir = new URL('../../../../api/events/', import.meta.url);
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));

/** The schema errors of `event`, empty when it is valid. */
export function eventProblems(event: EventEnvelope): string[] {
  const problems: string[] = [];
  const envelope = ajv.getSchema('urn:concierge:events:envelope');
  const data = ajv.getSchema(`urn:concierge:events:${event.type}`);
  if (!envelope || !data) return [`no schema for ${event.type}`];
  if (!envelope(event)) problems.push(ajv.errorsText(envelope.errors));
  if (!data(event.data)) problems.push(`${event.type}: ${ajv.errorsText(data.errors)}`);
  return problems;
}
