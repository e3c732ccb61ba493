// Request validation from the OpenAPI schemas (JSON Schema 2020-12): query, path and headers are coerced
// from strings; bodies are not, so a wrong JSON type is an error rather than a silent conversion.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats.default(ajv);
  return ajv;
}

/** A Fastify validator compiler that picks the coercing or the strict Ajv by request part. */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = makeAjv(true);
  const strict = makeAjv(false);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    // biome-ignore lint/suspicious/noExplicitAny: Fastify and Ajv disagree on the schema type
    return ajv.compile(schema as any) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}
