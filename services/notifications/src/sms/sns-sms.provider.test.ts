// The SNS adapter's shape without AWS: signatures match AWS's own signer; answers map to the port's errors.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sigv4-signer.js';
import { createSnsSmsProvider } from './sns-sms.provider.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

describe('signRequest', () => {
  it('produces the signature AWS’s own signer produces', async () => {
    const now = new Date('2026-12-23T15:04:09Z');
    const url = new URL('https://sns.us-east-1.amazonaws.com/');
    const body = 'Action=Publish&Message=hello%20there&PhoneNumber=%2B12175550123&Version=2010-03-31';
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const sut = signRequest(
      { method: 'POST', url, headers, body },
      credentials,
      { region: 'us-east-1', service: 'sns' },
      now,
    );
    const aws = new SignatureV4({ credentials, region: 'us-east-1', service: 'sns', sha256: Sha256 });
    const signed = await aws.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'https:',
        hostname: url.hostname,
        path: '/',
        headers: { ...headers, host: url.host, 'x-amz-content-sha256': sut['x-amz-content-sha256']! },
        body,
      }),
      { signingDate: now },
    );
    expect(sut.authorization).toBe(signed.headers.authorization);
  });
});

const answer =
  (status: number, xml: string): typeof fetch =>
  async () =>
    new Response(xml, { status });

describe('createSnsSmsProvider', () => {
  const options = { region: 'us-east-1', credentials };

  it('returns the MessageId and the segment count', async () => {
    const sut = createSnsSmsProvider({
      ...options,
      fetch: answer(
        200,
        '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>',
      ),
    });
    expect(await sut.send({ to: '+12175550123', text: 'a'.repeat(161) })).toEqual({
      messageId: 'm-1',
      segments: 2,
    });
  });

  it.each([
    [400, 'InvalidParameter', 'invalid', 'SMS_REJECTED'],
    [400, 'Throttling', 'unavailable', 'SMS_UNAVAILABLE'],
    [500, 'InternalError', 'unavailable', 'SMS_UNAVAILABLE'],
  ])('maps HTTP %i %s to %s', async (status, code, kind, errorCode) => {
    const sut = createSnsSmsProvider({
      ...options,
      fetch: answer(status, `<ErrorResponse><Error><Code>${code}</Code></Error></ErrorResponse>`),
    });
    await expect(sut.send({ to: '+12175550123', text: 'x' })).rejects.toMatchObject({
      kind,
      code: errorCode,
    });
  });

  it('gives up after its timeout', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const sut = createSnsSmsProvider({ ...options, fetch: hang, timeoutMs: 50 });
    await expect(sut.send({ to: '+12175550123', text: 'x' })).rejects.toMatchObject({
      code: 'SMS_UNAVAILABLE',
    });
  });
});
