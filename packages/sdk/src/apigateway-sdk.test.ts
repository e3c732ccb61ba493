// A client signing exactly as API Gateway's generated JavaScript SDK (its lib/apiGatewayCore/sigV4Client.js)
// does, written out by hand: `host` is the endpoint's hostname without the port, the path goes through
// encodeURI once, Accept and Content-Type are signed, and the session token is added after signing.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LiveSystem, startLiveSystem } from './__fixtures__/live-system.js';
import { type Session, signIn } from './index.js';

let live: LiveSystem;
let session: Session;
// Assembling the system trains the chat model from scratch: a few seconds alone, more than vitest's default
// 10 s hook timeout when the shared machine is busy.
beforeAll(async () => {
  live = await startLiveSystem();
  session = await signIn(live.baseUrl, live.email, live.password);
}, 60_000);
afterAll(() => live.close());

const hash = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
const hmac = (key: string | Buffer, value: string) =>
  createHmac('sha256', key).update(value, 'utf8').digest();
const fixedEncodeURIComponent = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

interface GeneratedSdkRequest {
  verb: string;
  path: string;
  queryParams?: Record<string, string>;
  body?: unknown;
}

async function sigV4ClientMakeRequest(request: GeneratedSdkRequest, region: string) {
  const { accessKeyId, secretAccessKey, sessionToken } = await session.credentials();
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const body = request.body === undefined || request.verb === 'GET' ? '' : JSON.stringify(request.body);
  if (body === '') delete headers['Content-Type'];
  const datetime = new Date()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[:-]|\.\d{3}/g, '');
  headers['x-amz-date'] = datetime;
  headers.host = new URL(live.baseUrl).hostname;
  const query = request.queryParams ?? {};
  const queryString = Object.keys(query)
    .sort()
    .map((k) => `${k}=${fixedEncodeURIComponent(query[k]!)}`)
    .join('&');
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n.toLowerCase()}:${headers[n]}\n`).join('');
  const signedHeaders = names.map((n) => n.toLowerCase()).join(';');
  const canonical = [
    request.verb,
    encodeURI(request.path),
    queryString,
    canonicalHeaders,
    signedHeaders,
    hash(body),
  ].join('\n');
  const scope = `${datetime.slice(0, 8)}/${region}/execute-api/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${datetime}\n${scope}\n${hash(canonical)}`;
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, datetime.slice(0, 8)), region), 'execute-api'),
    'aws4_request',
  );
  const signature = hmac(key, stringToSign).toString('hex');
  headers.Authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  headers['x-amz-security-token'] = sessionToken;
  delete headers.host;
  const url = `${live.baseUrl}${request.path}${queryString ? `?${queryString}` : ''}`;
  return fetch(url, { method: request.verb, headers, ...(body ? { body } : {}) });
}

it('accepts a GET with query parameters signed as the generated SDK signs it', async () => {
  const sut = await sigV4ClientMakeRequest(
    { verb: 'GET', path: '/v1/products', queryParams: { limit: '2' } },
    live.region,
  );
  expect(sut.status).toBe(200);
  expect(((await sut.json()) as { items: unknown[] }).items).toHaveLength(2);
});

it("accepts the lecture's nluPost signed as the generated SDK signs it", async () => {
  const body = { messages: [{ type: 'unstructured', unstructured: { text: 'hello' } }] };
  const sut = await sigV4ClientMakeRequest({ verb: 'POST', path: '/v1/nlu', body }, live.region);
  expect(sut.status).toBe(200);
});

it('refuses it when signed for another region', async () => {
  const sut = await sigV4ClientMakeRequest({ verb: 'GET', path: '/v1/me' }, 'eu-west-1');
  expect(sut.status).toBe(403);
});
