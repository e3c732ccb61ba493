// Request validation and response serialization from the OpenAPI schemas (JSON Schema 2020-12).
// Query, path and headers are coerced from strings; bodies are not, so a wrong JSON type is an error
// rather than a silent conversion. Compilation is deferred to an operation's first use: a start-up
// that compiled all of them up front would spend most of its time on operations nobody calls.
import { isDeeplyFrozen } from '@concierge/platform';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fastJson from 'fast-json-stringify';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';

function makeAjv(coerce: boolean, shared: object[]): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats.default(ajv);
  for (const schema of shared) ajv.addSchema(schema);
  return ajv;
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

/**
 * A Fastify validator compiler that picks the coercing or the strict Ajv by request part; `shared`
 * schemas (the document's components) are compiled once and referenced by `$id`.
 */
export function createValidatorCompiler(shared: object[]): FastifySchemaCompiler<unknown> {
  const instances = new Map<boolean, Ajv2020>();
  const ajvFor = (coerce: boolean): Ajv2020 => {
    const ajv = instances.get(coerce) ?? makeAjv(coerce, shared);
    instances.set(coerce, ajv);
    return ajv;
  };
  return ({ schema, httpPart }) => {
    let compiled: Validate | undefined;
    const validate: Validate = (data) => {
      // biome-ignore lint/suspicious/noExplicitAny: Fastify and Ajv disagree on the schema type
      compiled ??= ajvFor(httpPart !== 'body').compile(schema as any) as Validate;
      const ok = compiled(data);
      validate.errors = compiled.errors;
      return ok;
    };
    return validate as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

/**
 * Serializes answers by their response schema with fast-json-stringify, compiled on first use. The JSON of a
 * deeply frozen answer (a cached product, the same object for every read of it) is kept beside it and
 * reused: it cannot change while the object lives.
 */
export function createSerializerCompiler(shared: Record<string, object>): FastifySerializerCompiler<unknown> {
  return ({ schema }) => {
    let stringify: ((data: unknown) => string) | undefined;
    const reused = new WeakMap<object, string>();
    return (data: unknown) => {
      // biome-ignore lint/suspicious/noExplicitAny: fast-json-stringify types its schema narrowly
      stringify ??= fastJson(schema as any, { schema: shared as any }) as (data: unknown) => string;
      if (!isDeeplyFrozen(data)) return stringify(data);
      let json = reused.get(data as object);
      if (json === undefined) {
        json = stringify(data);
        reused.set(data as object, json);
      }
      return json;
    };
  };
}
