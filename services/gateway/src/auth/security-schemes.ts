// Which kind of credential each security scheme of the OpenAPI document asks for.
import type { ApiDocument } from '../openapi/document.js';

export type SchemeKind = 'sigv4' | 'bearer' | 'apiKey';

export interface SchemeInfo {
  kind: SchemeKind;
  /** Header carrying an API key (lower-cased). */
  header?: string;
}

/** `x-amazon-apigateway-authtype: awsSigv4` is SigV4 even though OpenAPI types it as an apiKey header. */
export function schemeKinds(document: ApiDocument): Map<string, SchemeInfo> {
  const kinds = new Map<string, SchemeInfo>();
  const schemes = (document.raw.components?.securitySchemes ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, scheme] of Object.entries(schemes)) {
    if (scheme['x-amazon-apigateway-authtype'] === 'awsSigv4') kinds.set(name, { kind: 'sigv4' });
    else if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer')
      kinds.set(name, { kind: 'bearer' });
    else if (scheme.type === 'apiKey' && scheme.in === 'header') {
      kinds.set(name, { kind: 'apiKey', header: String(scheme.name).toLowerCase() });
    }
  }
  return kinds;
}
