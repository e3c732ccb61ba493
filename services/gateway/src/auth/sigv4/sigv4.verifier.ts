// Verifies AWS Signature Version 4 on an incoming request (header or presigned-query form) for one
// region and service, so clients using AWS's signers or API Gateway's generated SDKs work unchanged.
import { timingSafeEqual } from 'node:crypto';
import { AppError, type Cache } from '@concierge/platform';
import {
  canonicalHeaderValue,
  canonicalPath,
  canonicalQuery,
  canonicalRequest,
  queryPairs,
  sha256Hex,
} from './canonical-request.js';
import { checkWindow } from './clock-window.js';
import { createReplayGuard } from './replay-guard.js';
import {
  algorithm,
  fromAuthorizationHeader,
  fromQuery,
  invalidSignature,
  type SignatureParts,
} from './signature-parts.js';
import { createSigningKeyCache } from './signing-key.js';

/** The request as received: `url` is path and query undecoded, header names lower-cased, `body` the raw bytes. */
export interface SignedHttpRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Uint8Array | undefined;
}

export interface SigningSecret {
  secretAccessKey: string;
}

/**
 * Finds the secret of an access key. Implementations throw AppError: INVALID_SIGNATURE for an unknown
 * key or a session token that does not belong to it, EXPIRED_TOKEN for expired credentials. A lookup
 * answered from memory may return the secret itself rather than a promise of it.
 */
export type SecretLookup<T extends SigningSecret> = (
  accessKeyId: string,
  sessionToken: string | undefined,
) => T | Promise<T>;

export interface SigV4VerifierOptions<T extends SigningSecret> {
  region: string;
  /** `execute-api`, as API Gateway signs. */
  service?: string;
  lookup: SecretLookup<T>;
  /** Shared by every gateway instance so a replay is caught wherever it lands. */
  replayCache: Cache;
  clockSkewMs?: number;
  now?: () => number;
  signingKeyCacheSize?: number;
}

export interface VerifiedSignature<T> {
  accessKeyId: string;
  credentials: T;
  form: SignatureParts['form'];
}

export interface SigV4Verifier<T> {
  verify(request: SignedHttpRequest): Promise<VerifiedSignature<T>>;
}

const emptyHash = sha256Hex('');
const hexSignature = /^[0-9a-f]{64}$/;
const mustSignInHeader = ['host', 'x-amz-date'];
const mustSignInQuery = ['host'];
/** The query pairs of a URL without a query; only ever read. */
const noQuery: Array<[string, string]> = [];
// Filled and compared within one synchronous call (see `matches`), so every verification can share them.
const givenBytes = Buffer.alloc(32);
const expectedBytes = Buffer.alloc(32);

function header(request: Pick<SignedHttpRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The signed header values with `host` stripped of its port, or undefined when there is no port: API
 * Gateway's generated JavaScript SDK signs the endpoint's hostname alone, which only differs from the
 * Host header it sends when the gateway listens on a non-default port (local runs, tests).
 */
function withoutHostPort(signedHeaders: string[], values: string[]): string[] | undefined {
  const i = signedHeaders.indexOf('host');
  const host = values[i];
  const bare = host?.replace(/:\d+$/, '');
  if (host === undefined || bare === host) return undefined;
  return values.map((v, j) => (j === i ? bare! : v));
}

/** Whether the request carries a SigV4 signature at all (header or presigned URL). */
export function hasSigV4(request: Pick<SignedHttpRequest, 'url' | 'headers'>): boolean {
  return (
    (header(request, 'authorization') ?? '').startsWith('AWS4-') || request.url.includes('X-Amz-Signature=')
  );
}

/**
 * @example
 * const verifier = createSigV4Verifier({ region: 'us-east-1', lookup: broker.signingSecret, replayCache });
 * const { credentials } = await verifier.verify({ method, url, headers, body });
 */
export function createSigV4Verifier<T extends SigningSecret>(
  options: SigV4VerifierOptions<T>,
): SigV4Verifier<T> {
  const service = options.service ?? 'execute-api';
  const skewMs = options.clockSkewMs ?? 300_000;
  const now = options.now ?? Date.now;
  const keys = createSigningKeyCache(options.signingKeyCacheSize);
  const replay = createReplayGuard(options.replayCache);

  function readParts(request: SignedHttpRequest, pairs: Array<[string, string]>): SignatureParts {
    const authorization = header(request, 'authorization');
    if (authorization) {
      return fromAuthorizationHeader(
        authorization,
        header(request, 'x-amz-date'),
        header(request, 'x-amz-security-token'),
      );
    }
    if (pairs.some(([k]) => k === 'X-Amz-Signature')) return fromQuery(new Map(pairs));
    throw new AppError('forbidden', 'Missing Authentication Token', { code: 'MISSING_AUTHENTICATION_TOKEN' });
  }

  function checkCoverage(parts: SignatureParts, request: SignedHttpRequest, payloadHash: string): void {
    for (const name of parts.form === 'header' ? mustSignInHeader : mustSignInQuery) {
      if (!parts.signedHeaders.includes(name))
        throw invalidSignature(`${name} must be signed`, 'unsigned_header');
    }
    const claimed = header(request, 'x-amz-content-sha256');
    if (claimed !== undefined && claimed !== payloadHash) {
      throw invalidSignature(
        'The payload hash does not match the body (unsigned payloads are refused)',
        'payload',
      );
    }
  }

  return {
    async verify(request) {
      const at = now();
      const q = request.url.indexOf('?');
      const rawPath = q === -1 ? request.url : request.url.slice(0, q);
      let pairs: Array<[string, string]>;
      try {
        pairs = q === -1 ? noQuery : queryPairs(request.url.slice(q + 1));
      } catch {
        throw invalidSignature('The query string has a malformed escape', 'malformed');
      }
      const parts = readParts(request, pairs);
      if (parts.region !== options.region || parts.service !== service) {
        throw invalidSignature(`Credential should be scoped to ${options.region}/${service}`, 'scope');
      }
      const usableUntil = checkWindow(parts, at, skewMs);
      const payloadHash = request.body && request.body.length > 0 ? sha256Hex(request.body) : emptyHash;
      checkCoverage(parts, request, payloadHash);
      const headerValues = parts.signedHeaders.map((name) => {
        const value = request.headers[name];
        if (value === undefined) throw invalidSignature(`Signed header ${name} is missing`, 'missing_header');
        return canonicalHeaderValue(value);
      });
      const found = options.lookup(parts.accessKeyId, parts.sessionToken);
      const credentials = found instanceof Promise ? await found : found;
      const signing = keys.get(credentials.secretAccessKey, parts.scopeDate, parts.region, parts.service);
      const path = canonicalPath(rawPath);
      const query = pairs.length === 0 ? '' : canonicalQuery(pairs);
      const signatureFor = (values: string[]) => {
        const canonical = canonicalRequest({
          method: request.method,
          path,
          query,
          signedHeaders: parts.signedHeaders,
          headerValues: values,
          payloadHash,
        });
        return signing.signHex(`${algorithm}\n${parts.amzDate}\n${signing.scope}\n${sha256Hex(canonical)}`);
      };
      const wellFormed = hexSignature.test(parts.signature);
      // Both sides as bytes in fixed scratch buffers, compared in constant time.
      const matches = (expected: string) => {
        if (!wellFormed) return false;
        givenBytes.write(parts.signature, 'hex');
        expectedBytes.write(expected, 'hex');
        return timingSafeEqual(givenBytes, expectedBytes);
      };
      // The port-less Host is only tried when the signature over the Host header as sent does not match.
      if (!matches(signatureFor(headerValues))) {
        const portless = withoutHostPort(parts.signedHeaders, headerValues);
        if (!portless || !matches(signatureFor(portless))) {
          throw invalidSignature(
            'The request signature we calculated does not match the signature you provided',
            'mismatch',
          );
        }
      }
      const recording = replay.check(request.method, parts.signature, usableUntil, at);
      if (recording) await recording;
      return { accessKeyId: parts.accessKeyId, credentials, form: parts.form };
    },
  };
}
