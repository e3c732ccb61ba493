import { describe, expect, it } from 'vitest';
import { fromAuthorizationHeader } from './signature-parts.js';

const signature = 'a'.repeat(64);
const credential = 'ASIAEXAMPLE7QXZ2R4T1/20261127/us-east-1/execute-api/aws4_request';
const usual = `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host;x-amz-date, Signature=${signature}`;
const parts = {
  form: 'header',
  accessKeyId: 'ASIAEXAMPLE7QXZ2R4T1',
  scopeDate: '20261127',
  region: 'us-east-1',
  service: 'execute-api',
  signedHeaders: ['host', 'x-amz-date'],
  signature,
  amzDate: '20261127T120000Z',
  sessionToken: 'tok',
};

describe('the Authorization header', () => {
  it('reads the form AWS signers write and any other order or spacing alike', () => {
    const variants = [
      usual,
      `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=host;x-amz-date,Signature=${signature}`,
      `AWS4-HMAC-SHA256 Signature=${signature}, Credential=${credential} ,  SignedHeaders=host;x-amz-date`,
    ];
    for (const header of variants) {
      expect(fromAuthorizationHeader(header, '20261127T120000Z', 'tok')).toEqual(parts);
    }
  });

  it('refuses what is malformed, whichever way it is written', () => {
    const malformed = [
      usual.replace('host;x-amz-date', 'host;;x-amz-date'),
      usual.replace('host;x-amz-date', 'Host;x-amz-date'),
      usual.replace('/aws4_request', '/aws4_request/extra'),
      usual.replace('/aws4_request', '/aws5_request'),
      usual.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'),
      usual.replace(`, Signature=${signature}`, ''),
    ];
    for (const header of malformed) {
      expect(() => fromAuthorizationHeader(header, '20261127T120000Z', 'tok')).toThrow(
        expect.objectContaining({ code: 'INVALID_SIGNATURE' }),
      );
    }
    expect(() => fromAuthorizationHeader(usual, undefined, 'tok')).toThrow(
      expect.objectContaining({ code: 'INVALID_SIGNATURE' }),
    );
  });

  it('reads each request’s own signature and key when the text before the signature repeats', () => {
    const date = '20261127T120000Z';
    expect(fromAuthorizationHeader(usual, date, 'tok')).toEqual(parts);
    const next = 'b'.repeat(64);
    expect(fromAuthorizationHeader(usual.replace(signature, next), date, 'tok2')).toEqual({
      ...parts,
      signature: next,
      sessionToken: 'tok2',
    });
    const other = usual.replace('ASIAEXAMPLE7QXZ2R4T1', 'ASIAOTHER00000000001');
    expect(fromAuthorizationHeader(other, date, undefined)).toEqual({
      ...parts,
      accessKeyId: 'ASIAOTHER00000000001',
      sessionToken: undefined,
    });
    // A signature that is not lower-case hex is read as written (and can then never match), and a
    // missing X-Amz-Date is refused, whether or not the text before it was seen.
    const upper = 'C'.repeat(64);
    expect(fromAuthorizationHeader(usual.replace(signature, upper), date, 'tok').signature).toBe(upper);
    expect(() => fromAuthorizationHeader(usual, undefined, 'tok')).toThrow(
      expect.objectContaining({ code: 'INVALID_SIGNATURE' }),
    );
    // What one request's parse hands out cannot be changed to alter the next one's.
    const first = fromAuthorizationHeader(usual, date, 'tok');
    expect(() => first.signedHeaders.push('x-extra')).toThrow();
    expect(fromAuthorizationHeader(usual, date, 'tok').signedHeaders).toEqual(['host', 'x-amz-date']);
  });
});
