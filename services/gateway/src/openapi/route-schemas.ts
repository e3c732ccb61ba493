// Turns one OpenAPI operation into Fastify route schemas. Component schemas stay `$ref`s into one shared
// schema (`urn:concierge:openapi`), so each is compiled once, not once per operation and status code.
import type { FastifySchema } from 'fastify';

/** The `$id` under which the document's components are registered with the validator and serializer. */
export const componentsId = 'urn:concierge:openapi';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI fragments are untyped JSON
type Json = any;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

/** The shared schema: the document's components, addressable by their JSON pointers. */
export function componentsSchema(raw: Json): Json {
  return { $id: componentsId, components: rebase(raw.components ?? {}) };
}

/** Rewrites local `#/components/...` refs to point into the shared components schema. */
function rebase(node: Json): Json {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${componentsId}${value}`
        : rebase(value);
  }
  return out;
}

function resolve(raw: Json, node: Json): Json {
  if (!node?.$ref) return node;
  const target = String(node.$ref)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], raw);
  if (!target) throw new Error(`unresolvable $ref ${node.$ref}`);
  return resolve(raw, target);
}

function objectOf(params: Parameter[], closed: boolean): Json | undefined {
  if (params.length === 0) return closed ? { type: 'object', additionalProperties: false } : undefined;
  const properties: Json = {};
  for (const p of params)
    properties[p.in === 'header' ? p.name.toLowerCase() : p.name] = rebase(p.schema ?? {});
  const required = params
    .filter((p) => p.required)
    .map((p) => (p.in === 'header' ? p.name.toLowerCase() : p.name));
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: !closed,
  };
}

/**
 * Request schemas (query, path, headers, JSON body) and 2xx JSON response schemas of one operation.
 * Unknown query parameters are rejected like unknown body fields; unknown headers are allowed.
 */
export function routeSchema(raw: Json, pathItem: Json, operation: Json): FastifySchema {
  const params: Parameter[] = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
    (p: Json) => resolve(raw, p),
  );
  const schema: FastifySchema = {};
  const byPlace = (place: Parameter['in']) => params.filter((p) => p.in === place);
  const querystring = objectOf(byPlace('query'), true);
  const path = objectOf(byPlace('path'), false);
  const headers = objectOf(byPlace('header'), false);
  if (querystring) schema.querystring = querystring;
  if (path) schema.params = path;
  if (headers) schema.headers = headers;

  const body = resolve(raw, operation.requestBody)?.content?.['application/json']?.schema;
  if (body) schema.body = rebase(body);

  const response: Json = {};
  for (const [status, answer] of Object.entries<Json>(operation.responses ?? {})) {
    const json = resolve(raw, answer)?.content?.['application/json']?.schema;
    if (/^2\d\d$/.test(status) && json) response[status] = rebase(json);
  }
  if (Object.keys(response).length > 0) schema.response = response;
  return schema;
}
