// Reads what the client claims (key, scope, signed headers, date, signature) from the Authorization header
// or from the presigned query string, before anything is trusted.
import { AppError } from '@concierge/platform';

export const algorithm = 'AWS4-HMAC-SHA256';

export interface SignatureParts {
  form: 'header' | 'query';
  accessKeyId: string;
  /** `YYYYMMDD` from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
  /** Presigned URLs only: seconds the signature stays valid. */
  expiresSeconds?: number;
  sessionToken?: string;
}

export function invalidSignature(message: string, reason: string): AppError {
  return new AppError('forbidden', message, { code: 'INVALID_SIGNATURE', details: { reason } });
}

const maxPresignSeconds = 604_800;

function scope(credential: string): Pick<SignatureParts, 'accessKeyId' | 'scopeDate' | 'region' | 'service'> {
  const [accessKeyId, scopeDate, region, service, terminator, ...rest] = credential.split('/');
  if (!accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request' || rest.length > 0) {
    throw invalidSignature('The credential scope is malformed', 'malformed');
  }
  return { accessKeyId, scopeDate, region, service };
}

function headerList(value: string): string[] {
  const names = value.split(';');
  if (names.some((n) => n === '' || n !== n.toLowerCase())) {
    throw invalidSignature('SignedHeaders must be lower-case names separated by ";"', 'malformed');
  }
  return names;
}

/**
 * The header exactly as AWS's signers write it; anything else (other order, spacing, characters) goes
 * through the general parser below, which this one agrees with wherever both accept.
 */
const usualHeader =
  /^AWS4-HMAC-SHA256 Credential=([^/,;=\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=((?:[a-z0-9-]+;)*[a-z0-9-]+), ?Signature=([0-9a-f]{64})$/;

type Scoped = Pick<SignatureParts, 'accessKeyId' | 'scopeDate' | 'region' | 'service' | 'signedHeaders'>;

const signatureLength = 64;
const hexSignature = /^[0-9a-f]{64}$/;
const maxRecentPrefixes = 1000;
/**
 * What the usual form says before its signature, by that text: a client signs every request of a day with
 * the same key, scope and signed headers, so only the 64 hex digits at the end differ from one request to
 * the next. Only text that `usualHeader` accepted is kept, and that regular expression reads the signature
 * independently of what precedes it, so a known text followed by 64 lower-case hex digits is exactly a
 * header it accepts. The signed-header lists are shared, frozen.
 */
const recentPrefixes = new Map<string, Readonly<Scoped>>();

function withSignature(
  scoped: Readonly<Scoped>,
  signature: string,
  amzDate: string,
  sessionToken: string | undefined,
): SignatureParts {
  const parts: SignatureParts = {
    form: 'header',
    accessKeyId: scoped.accessKeyId,
    scopeDate: scoped.scopeDate,
    region: scoped.region,
    service: scoped.service,
    signedHeaders: scoped.signedHeaders,
    signature,
    amzDate,
  };
  if (sessionToken) parts.sessionToken = sessionToken;
  return parts;
}

/** Parses `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
export function fromAuthorizationHeader(
  authorization: string,
  amzDate: string | undefined,
  sessionToken: string | undefined,
): SignatureParts {
  if (amzDate && authorization.length > signatureLength) {
    const cut = authorization.length - signatureLength;
    const known = recentPrefixes.get(authorization.slice(0, cut));
    const signature = known && authorization.slice(cut);
    if (signature && hexSignature.test(signature)) {
      return withSignature(known, signature, amzDate, sessionToken);
    }
  }
  const usual = amzDate ? usualHeader.exec(authorization) : null;
  if (usual) {
    const scoped: Readonly<Scoped> = Object.freeze({
      accessKeyId: usual[1]!,
      scopeDate: usual[2]!,
      region: usual[3]!,
      service: usual[4]!,
      signedHeaders: Object.freeze(usual[5]!.split(';')) as string[],
    });
    if (recentPrefixes.size >= maxRecentPrefixes) recentPrefixes.clear();
    recentPrefixes.set(authorization.slice(0, authorization.length - signatureLength), scoped);
    return withSignature(scoped, usual[6]!, amzDate!, sessionToken);
  }
  if (!authorization.startsWith(`${algorithm} `)) {
    throw invalidSignature(`Only ${algorithm} signatures are accepted`, 'algorithm');
  }
  const fields = new Map<string, string>();
  for (const item of authorization.slice(algorithm.length + 1).split(',')) {
    const eq = item.indexOf('=');
    if (eq > 0) fields.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signed || !signature || !amzDate) {
    throw invalidSignature(
      'Authorization needs Credential, SignedHeaders, Signature and X-Amz-Date',
      'malformed',
    );
  }
  const parts: SignatureParts = {
    form: 'header',
    ...scope(credential),
    signedHeaders: headerList(signed),
    signature,
    amzDate,
  };
  if (sessionToken) parts.sessionToken = sessionToken;
  return parts;
}

/** Parses the `X-Amz-*` parameters of a presigned URL. */
export function fromQuery(query: Map<string, string>): SignatureParts {
  if (query.get('X-Amz-Algorithm') !== algorithm) {
    throw invalidSignature(`Only ${algorithm} signatures are accepted`, 'algorithm');
  }
  const credential = query.get('X-Amz-Credential');
  const signed = query.get('X-Amz-SignedHeaders');
  const signature = query.get('X-Amz-Signature');
  const amzDate = query.get('X-Amz-Date');
  const expires = Number(query.get('X-Amz-Expires'));
  if (!credential || !signed || !signature || !amzDate) {
    throw invalidSignature(
      'A presigned URL needs X-Amz-Credential, -SignedHeaders, -Signature and -Date',
      'malformed',
    );
  }
  if (!Number.isInteger(expires) || expires < 1 || expires > maxPresignSeconds) {
    throw invalidSignature(`X-Amz-Expires must be 1 to ${maxPresignSeconds} seconds`, 'malformed');
  }
  const parts: SignatureParts = {
    form: 'query',
    ...scope(credential),
    signedHeaders: headerList(signed),
    signature,
    amzDate,
    expiresSeconds: expires,
  };
  const token = query.get('X-Amz-Security-Token');
  if (token) parts.sessionToken = token;
  return parts;
}
