// Live updates end to end: a real listening gateway on api/openapi.yaml, a streaming fetch client, resumption.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGateway, type Gateway, loadApiDocument } from '@concierge/gateway';
import { createLogger } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  envelope,
  type OpenNotifications,
  openNotifications,
  orderConfirmed,
  orderPlaced,
} from '../testing/notifications.fixture.js';
import { openSse } from '../testing/sse-client.js';

const apiFile = path.resolve(fileURLToPath(import.meta.url), '../../../../../api/openapi.yaml');
let open: OpenNotifications;
let gateway: Gateway;
let url: string;

beforeAll(async () => {
  open = await openNotifications({ operatorEmail: undefined, heartbeatMs: 300 });
  gateway = await buildGateway({
    document: loadApiDocument(apiFile),
    logger: createLogger({ level: 'silent', format: 'json' }),
    authenticator: {
      authenticate: async (request) => ({
        userId: String(request.headers['x-test-user'] ?? 'usr_ann'),
        roles: ['customer'],
        via: 'jwt',
      }),
    },
    services: [open.sut.module],
  });
  url = `${await gateway.app.listen({ port: 0, host: '127.0.0.1' })}/v1/events/stream`;
});
afterAll(async () => {
  // fetch (undici) opens spare sockets that never carry a request; the server would wait for their timeout.
  gateway.app.server.closeAllConnections();
  await gateway.app.close();
  await open.close();
});

const failed = { orderId: 'ord_1', userId: 'usr_ann', reason: 'internal', message: 'Sorry', contact: {} };

describe('GET /v1/events/stream', () => {
  it('streams the caller’s events, then resumes after Last-Event-ID with only the missed ones', async () => {
    const first = await openSse(url);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(first.response.headers.get('cache-control')).toBe('no-cache');
    const placed = envelope('order.placed', orderPlaced);
    const confirmed = envelope('order.confirmed', orderConfirmed);
    await open.events.publish(placed);
    await open.events.publish(
      envelope('order.placed', { ...orderPlaced, userId: 'usr_bob', orderId: 'ord_2' }),
    );
    await open.events.publish(confirmed);
    const one = await first.next();
    expect(one).toMatchObject({ id: placed.id, event: 'order.placed' });
    expect(JSON.parse(one.data!)).toEqual(placed);
    expect(await first.next()).toMatchObject({ id: confirmed.id, event: 'order.confirmed' });
    first.close();

    const missed = [
      envelope('order.failed', failed),
      envelope('order.cancelled', { orderId: 'ord_1', userId: 'usr_ann', cancelledBy: 'customer' }),
    ];
    for (const event of missed) await open.events.publish<unknown>(event);
    const second = await openSse(url, { 'last-event-id': confirmed.id });
    expect((await second.next()).id).toBe(missed[0]!.id);
    expect((await second.next()).id).toBe(missed[1]!.id);
    const live = envelope('order.failed', { ...failed, orderId: 'ord_3' });
    await open.events.publish(live);
    expect((await second.next()).id).toBe(live.id);
    second.close();
  });

  it('sends heartbeat comments while idle', async () => {
    const sut = await openSse(url, { 'x-test-user': 'usr_idle' });
    expect(await sut.next((m) => m.comment !== undefined, 2000)).toEqual({ comment: 'heartbeat' });
    sut.close();
  });

  it('shows other users nothing', async () => {
    const sut = await openSse(url, { 'x-test-user': 'usr_carol', 'last-event-id': 'evt_unknown' });
    await open.events.publish(envelope('order.placed', { ...orderPlaced, userId: 'usr_dave' }));
    await expect(sut.next(undefined, 500)).rejects.toThrow('no SSE message in time');
    sut.close();
  });

  it('ends open streams when the service stops (so the server can close)', async () => {
    const sut = await openSse(url, { 'x-test-user': 'usr_leaving' });
    await open.sut.stop();
    await expect(sut.next(undefined, 2000)).rejects.toThrow('stream ended');
  });
});
