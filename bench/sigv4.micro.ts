// Micro-benchmark of SigV4 verification (header form, POST with a JSON body, warm signing-key cache,
// replay check against an in-memory cache): prints µs per verification.

import { awsSign } from '../services/gateway/src/auth/__fixtures__/aws-signer.js';
import { testCache } from '../services/gateway/src/auth/__fixtures__/memory-cache.js';
import { createSigV4Verifier } from '../services/gateway/src/auth/sigv4/sigv4.verifier.js';

const credentials = {
  accessKeyId: 'ASIABENCH00000000001',
  secretAccessKey: 'x'.repeat(40),
  sessionToken: 'tok',
};
const at = new Date('2026-11-27T12:00:00Z');
// A fresh verifier (and replay cache) per round: every signed POST is new to it, as in production.
const newVerifier = () =>
  createSigV4Verifier({
    region: 'us-east-1',
    lookup: async () => ({ secretAccessKey: credentials.secretAccessKey }),
    replayCache: testCache(() => at.getTime()),
    now: () => at.getTime(),
  });

const requests = await Promise.all(
  Array.from({ length: 5000 }, (_, i) =>
    awsSign(
      {
        method: 'POST',
        path: '/v1/checkout',
        headers: { 'content-type': 'application/json', 'x-concierge-nonce': `n${i}` },
        body: JSON.stringify({
          productId: 'prd_1',
          deliveryAddress: '1 Main St',
          deliveryDate: '2026-12-01',
        }),
      },
      { credentials, signingDate: at, tokenUnsigned: true },
    ),
  ),
);
const received = requests.map((r) => ({
  method: r.method,
  url: r.url,
  headers: r.headers,
  body: Buffer.from(r.body ?? ''),
}));

async function round(): Promise<number> {
  const verifier = newVerifier();
  const start = process.hrtime.bigint();
  for (const r of received) await verifier.verify(r);
  return Number(process.hrtime.bigint() - start) / 1000 / received.length;
}

await round();
const samples: number[] = [];
for (let i = 0; i < 7; i++) samples.push(await round());
samples.sort((a, b) => a - b);
console.log(
  `sigv4 verify: ${samples[3]!.toFixed(1)} µs/op (median of 7 rounds of ${received.length}; best ${samples[0]!.toFixed(1)})`,
);
