// The event schemas compile under JSON Schema 2020-12 and accept their own examples inside the envelope.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

type Schema = { $id: string; examples?: unknown[] } & Record<string, unknown>;

const dir = new URL('./', import.meta.url);
const load = (file: string): Schema => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
const eventTypes = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !['envelope.json', 'common.json'].includes(f))
  .map((f) => f.replace(/\.json$/, ''));

// strictRequired off: `anyOf: [{required: [email]}, {required: [phone]}]` is how JSON Schema says "one of them".
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);
for (const file of ['common.json', 'envelope.json', ...eventTypes.map((t) => `${t}.json`)])
  ajv.addSchema(load(file));
const envelope = ajv.getSchema('urn:concierge:events:envelope')!;

describe('api/events', () => {
  it('has a schema for every event the services publish', () => {
    expect(eventTypes.sort()).toEqual([
      'conversation.dining_suggested',
      'order.cancelled',
      'order.confirmed',
      'order.failed',
      'order.placed',
      'user.created',
    ]);
  });

  it.each(eventTypes)('%s compiles, names itself and accepts its example in an envelope', (type) => {
    const schema = load(`${type}.json`);
    expect(schema.$id).toBe(`urn:concierge:events:${type}`);
    const validate = ajv.getSchema(schema.$id)!;
    expect(schema.examples?.length).toBeGreaterThan(0);
    for (const data of schema.examples ?? []) {
      expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
      const event = { id: 'evt_1', type, version: 1, occurredAt: '2026-12-23T15:04:09Z', data };
      expect(envelope(event), ajv.errorsText(envelope.errors)).toBe(true);
    }
    expect(validate({ ...(schema.examples?.[0] as object), unexpected: true })).toBe(false);
  });

  it('rejects envelopes without the required fields or with a malformed traceparent', () => {
    const ok = load('envelope.json').examples?.[0] as Record<string, unknown>;
    expect(envelope(ok)).toBe(true);
    expect(envelope({ ...ok, traceparent: 'nope' })).toBe(false);
    const { occurredAt: _, ...withoutTime } = ok;
    expect(envelope(withoutTime)).toBe(false);
  });
});
