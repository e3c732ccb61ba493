// What the SQS and SNS adapters put on the wire, read by a local HTTP server that records each request and
// refuses it (503), so nothing here pretends to be AWS: the SDK's bounded retries and timeouts are real too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { snsClient, sqsClient } from './aws-clients.js';
import { createSnsEventBus } from './sns-event-bus.js';
import { createSqsQueue, idAttribute } from './sqs-queue.js';

interface Recorded {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** `answer: false` accepts the request and never answers (a hung endpoint). */
async function recorder(answer = true): Promise<{ url: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      if (answer) res.writeHead(503).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const credentials = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' };

describe('the SQS queue adapter', () => {
  it('sends the body as JSON with our id and headers as message attributes, signed, with bounded attempts', async () => {
    const { url, requests } = await recorder();
    const client = sqsClient({ region: 'us-east-1', endpoint: url, maxAttempts: 2 });
    Object.assign(client.config, { credentials: async () => credentials });
    const queue = createSqsQueue({
      client,
      queues: {
        'orders.placed': { url: `${url}/123456789012/Concierge-OrdersPlaced`, dlqUrl: `${url}/dlq` },
      },
    });
    await expect(
      queue.send(
        'orders.placed',
        { orderId: 'ord_1' },
        { id: 'msg_1', headers: { traceparent: 'tp' }, delayMs: 1500 },
      ),
    ).rejects.toThrow();
    expect(requests).toHaveLength(2);
    const [first] = requests;
    expect(first?.headers['x-amz-target']).toBe('AmazonSQS.SendMessage');
    expect(first?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\/\d{8}\/us-east-1\/sqs\/aws4_request/,
    );
    expect(JSON.parse(first?.body ?? '')).toEqual({
      QueueUrl: `${url}/123456789012/Concierge-OrdersPlaced`,
      MessageBody: '{"orderId":"ord_1"}',
      DelaySeconds: 2,
      MessageAttributes: {
        traceparent: { DataType: 'String', StringValue: 'tp' },
        [idAttribute]: { DataType: 'String', StringValue: 'msg_1' },
      },
    });
    client.destroy();
  });

  it('refuses a queue it was not configured with, and leaves receiving to the event source', async () => {
    const queue = createSqsQueue({ client: sqsClient({ region: 'us-east-1' }), queues: {} });
    await expect(queue.send('orders.placed', {})).rejects.toThrow(
      /no SQS queue is configured for orders.placed/,
    );
    expect(() => queue.consume('orders.placed', async () => undefined)).toThrow(/Lambda event source/);
    await expect(queue.deadLetters.replay('orders.placed', 'm')).rejects.toMatchObject({
      kind: 'not_implemented',
    });
  });

  it('gives up on an endpoint that never answers after its timeout and attempts', async () => {
    const { url, requests } = await recorder(false);
    const client = sqsClient({ region: 'us-east-1', endpoint: url, maxAttempts: 2, requestTimeoutMs: 200 });
    Object.assign(client.config, { credentials: async () => credentials });
    const queue = createSqsQueue({
      client,
      queues: { q: { url: `${url}/123456789012/q`, dlqUrl: `${url}/d` } },
    });
    await expect(queue.send('q', { a: 1 })).rejects.toMatchObject({ name: expect.stringMatching(/Timeout/) });
    expect(requests).toHaveLength(2);
    client.destroy();
  });
});

describe('the SNS event bus adapter', () => {
  it('publishes the envelope to the topic with its type as the attribute subscriptions filter on', async () => {
    const { url, requests } = await recorder();
    const client = snsClient({ region: 'us-east-1', endpoint: url, maxAttempts: 1 });
    Object.assign(client.config, { credentials: async () => credentials });
    const bus = createSnsEventBus({
      client,
      topicArn: 'arn:aws:sns:us-east-1:123456789012:Concierge-Events',
    });
    const event = {
      id: 'evt_1',
      type: 'order.confirmed',
      version: 1,
      occurredAt: '2026-11-27T12:00:00Z',
      data: { orderId: 'ord_1' },
    };
    await expect(bus.publish(event)).rejects.toThrow();
    expect(requests).toHaveLength(1);
    const form = new URLSearchParams(requests[0]?.body);
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('TopicArn')).toBe('arn:aws:sns:us-east-1:123456789012:Concierge-Events');
    expect(JSON.parse(form.get('Message') ?? '')).toEqual(event);
    const attributes = Object.fromEntries(
      [1, 2].map((i) => [
        form.get(`MessageAttributes.entry.${i}.Name`),
        form.get(`MessageAttributes.entry.${i}.Value.StringValue`),
      ]),
    );
    expect(attributes).toEqual({ type: 'order.confirmed', 'event-id': 'evt_1' });
    expect(() => bus.subscribe('order.*', async () => undefined)).toThrow(/SNS subscriptions/);
    client.destroy();
  });
});
