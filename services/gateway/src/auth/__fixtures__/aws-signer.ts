// Signs test requests with AWS's own SigV4 signer (@smithy/signature-v4), the client the gateway must accept.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { uriEscape } from '../sigv4/canonical-request.js';

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface RequestToSign {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

export interface SignedTestRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SignOptions {
  credentials: TestCredentials;
  region?: string;
  service?: string;
  signingDate?: Date;
  /** Presign into the query string instead of the Authorization header. */
  presignSeconds?: number;
  /** Sign without the token, then add it as API Gateway's generated SDK does. */
  tokenUnsigned?: boolean;
}

function toUrl(path: string, query: Record<string, string | string[] | null>): string {
  const q = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([k, v]) => `${uriEscape(k)}=${uriEscape(v)}`)
    .join('&');
  return q ? `${path}?${q}` : path;
}

export async function awsSign(input: RequestToSign, options: SignOptions): Promise<SignedTestRequest> {
  const { sessionToken, ...keys } = options.credentials;
  const signer = new SignatureV4({
    credentials: options.tokenUnsigned || !sessionToken ? keys : { ...keys, sessionToken },
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'execute-api',
    sha256: Sha256,
  });
  const request = new HttpRequest({
    method: input.method,
    protocol: 'http:',
    hostname: 'localhost',
    path: input.path,
    query: input.query ?? {},
    headers: { host: 'localhost', ...(input.headers ?? {}) },
    body: input.body,
  });
  const signingDate = options.signingDate ?? new Date();
  const signed =
    options.presignSeconds === undefined
      ? await signer.sign(request, { signingDate })
      : await signer.presign(request, { signingDate, expiresIn: options.presignSeconds });
  const headers = { ...(signed.headers as Record<string, string>) };
  if (options.tokenUnsigned && sessionToken) headers['x-amz-security-token'] = sessionToken;
  const out: SignedTestRequest = {
    method: input.method,
    url: toUrl(input.path, signed.query ?? {}),
    headers,
  };
  if (input.body !== undefined) out.body = input.body;
  return out;
}
