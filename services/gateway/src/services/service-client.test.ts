import type { OperationRequest } from '@concierge/platform';
import { describe, expect, it } from 'vitest';
import { inProcessClient } from './service-client.js';

const request = (operationId: string): OperationRequest => ({
  operationId,
  params: {},
  query: {},
  body: undefined,
  headers: {},
  caller: null,
  requestId: 'req-1',
});

describe('inProcessClient', () => {
  const shop = {
    name: 'shop',
    operations: { getThing: async (r: OperationRequest) => ({ status: 200, body: { id: r.requestId } }) },
  };
  const client = inProcessClient([shop as never]);

  it('names the handler it would call, so the gateway can call it directly', async () => {
    const call = client.resolve?.('shop', 'getThing');
    expect(call).toBe(shop.operations.getThing);
    expect(await call?.(request('getThing'))).toEqual(await client.invoke('shop', request('getThing')));
  });

  it('names none for an operation no module offers, which invoke answers with 501', async () => {
    expect(client.resolve?.('shop', 'missing')).toBeUndefined();
    expect(client.resolve?.('nobody', 'getThing')).toBeUndefined();
    await expect(client.invoke('shop', request('missing'))).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
    });
  });
});
