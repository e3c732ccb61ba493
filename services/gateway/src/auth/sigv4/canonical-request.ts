// The SigV4 canonical request, built from the request exactly as it arrived, byte for byte as AWS's signers build it.
import { hash } from 'node:crypto';

/** RFC 3986 escaping as AWS does it: encodeURIComponent plus `!'()*`. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A path of unreserved characters in non-empty segments, none `.` or `..`: normalizing and escaping leave it
 * as it is, which is the common case (`/v1/orders/ord_1`).
 */
const plainPath = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]+)*\/?$/;

/**
 * Every service but S3 signs the path encoded twice: the client's already-encoded path, normalized (empty,
 * `.` and `..` segments resolved), is escaped once more.
 */
export function canonicalPath(rawPath: string): string {
  if (plainPath.test(rawPath)) return rawPath;
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${trailing}`;
  return uriEscape(normalized).replace(/%2F/g, '/');
}

/** Decoded query pairs in arrival order; throws URIError on malformed escapes. */
export function queryPairs(rawQuery: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([decodeURIComponent(key), decodeURIComponent(value)]);
  }
  return pairs;
}

/** Sorted by escaped name, then escaped value; the signature parameter itself is left out. */
export function canonicalQuery(pairs: Array<[string, string]>): string {
  return pairs
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [uriEscape(key), uriEscape(value)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

const needsFolding = /[\r\n\t]| {2}/;

/** Header value as signed: duplicates joined by commas, outer space trimmed, inner runs collapsed. */
export function canonicalHeaderValue(value: string | string[]): string {
  const joined = Array.isArray(value) ? value.join(',') : value;
  if (!needsFolding.test(joined)) return joined.trim();
  return joined
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  /** Lower-cased names in the order the client listed them. */
  signedHeaders: string[];
  headerValues: string[];
  payloadHash: string;
}

export function canonicalRequest(parts: CanonicalParts): string {
  let headers = '';
  for (let i = 0; i < parts.signedHeaders.length; i++) {
    headers += `${parts.signedHeaders[i]}:${parts.headerValues[i]}\n`;
  }
  return `${parts.method}\n${parts.path}\n${parts.query}\n${headers}\n${parts.signedHeaders.join(';')}\n${parts.payloadHash}`;
}

/** One-shot `crypto.hash`: no Hash object per call. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}
