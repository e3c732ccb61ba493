// Loads the OpenAPI document and indexes its operations: which service answers, which roles, which schemes.
import fs from 'node:fs';
import { parse } from 'yaml';

export type SecurityRequirement = Record<string, string[]>;

export interface OperationInfo {
  operationId: string;
  method: string;
  /** The OpenAPI path template, e.g. `/v1/products/{productId}`. */
  path: string;
  service: string;
  roles: string[];
  /** Alternatives; an empty object among them means the operation may be called anonymously. */
  security: SecurityRequirement[];
  /** The operation answers with a stream (`text/event-stream`). */
  streams: boolean;
}

export interface ApiDocument {
  // biome-ignore lint/suspicious/noExplicitAny: the raw OpenAPI object as parsed from YAML
  raw: Record<string, any>;
  operations: Map<string, OperationInfo>;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Reads and indexes `api/openapi.yaml` (or any OpenAPI 3.1 document with our `x-concierge-*` extensions);
 * a `.json` file is the same document converted at build time, which loads without a YAML parse.
 */
export function loadApiDocument(file: string): ApiDocument {
  const text = fs.readFileSync(file, 'utf8');
  return indexDocument(file.endsWith('.json') ? JSON.parse(text) : parse(text));
}

// biome-ignore lint/suspicious/noExplicitAny: the raw OpenAPI object as parsed from YAML
export function indexDocument(raw: Record<string, any>): ApiDocument {
  const operations = new Map<string, OperationInfo>();
  const defaultSecurity: SecurityRequirement[] = raw.security ?? [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(raw.paths ?? {})) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const operationId = String(op.operationId ?? '');
      if (!operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      if (operations.has(operationId)) throw new Error(`operationId ${operationId} is used twice`);
      const service = op['x-concierge-service'];
      if (typeof service !== 'string') throw new Error(`${operationId} has no x-concierge-service`);
      operations.set(operationId, {
        operationId,
        method: method.toUpperCase(),
        path,
        service,
        roles: (op['x-concierge-roles'] as string[] | undefined) ?? [],
        security: (op.security as SecurityRequirement[] | undefined) ?? defaultSecurity,
        streams: JSON.stringify(op.responses ?? {}).includes('"text/event-stream"'),
      });
    }
  }
  return { raw, operations };
}

/** Methods allowed on a concrete URL path, for 405 answers with an `Allow` header. */
export function allowedMethods(document: ApiDocument, urlPath: string): string[] {
  const found = new Set<string>();
  for (const op of document.operations.values()) {
    if (templateRegex(op.path).test(urlPath)) found.add(op.method);
  }
  return [...found].sort();
}

const regexCache = new Map<string, RegExp>();
function templateRegex(template: string): RegExp {
  let re = regexCache.get(template);
  if (!re) {
    const body = template
      .split(/\{[^}]+\}/)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    re = new RegExp(`^${body}/?$`);
    regexCache.set(template, re);
  }
  return re;
}
