// Signs each request with AWS Signature V4 for `execute-api`, as API Gateway expects, with credentials
// from the session; state-changing requests carry a signed random nonce so identical ones stay distinct.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Middleware } from 'openapi-fetch';
import type { Session } from './session.js';

export interface SigV4Options {
  session: Pick<Session, 'credentials'>;
  region: string;
  service?: string;
}

/** The gateway refuses a replay of an identical signed request with one of these methods. */
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const nonceHeader = 'x-concierge-nonce';

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

export function sigv4Middleware(options: SigV4Options): Middleware {
  return {
    async onRequest({ request }) {
      const url = new URL(request.url);
      const body = request.body === null ? undefined : await request.clone().text();
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      if (stateChanging.has(request.method)) headers[nonceHeader] = crypto.randomUUID();
      // Browsers send Host themselves and refuse to set it, so it is signed here and left off the request.
      const toSign = new HttpRequest({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: queryOf(url),
        headers: { ...headers, host: url.host },
        body,
      });
      const { accessKeyId, secretAccessKey, sessionToken } = await options.session.credentials();
      const signer = new SignatureV4({
        credentials: { accessKeyId, secretAccessKey, sessionToken },
        region: options.region,
        service: options.service ?? 'execute-api',
        sha256: Sha256,
      });
      const signed = await signer.sign(toSign);
      const out = new Headers();
      for (const [name, value] of Object.entries(signed.headers)) if (name !== 'host') out.set(name, value);
      return new Request(request, { headers: out, ...(body === undefined ? {} : { body }) });
    },
  };
}
