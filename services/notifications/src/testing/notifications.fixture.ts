// Test wiring: notifications over SQLite, the in-process bus and queue, a real SMTP server and the SMS sandbox.
import {
  createMemoryEventBus,
  createSmtpMailer,
  createSqliteQueue,
  createSqliteStore,
  type EventEnvelope,
  type Mailer,
  type OperationRequest,
  type Queue,
} from '@concierge/platform';
import { startTestSmtpServer, type TestSmtpServer } from '@concierge/platform/testing';
import {
  createNotificationsService,
  createSandboxSmsProvider,
  type NotificationsDeps,
  type NotificationsService,
  type SandboxSmsProvider,
} from '../index.js';

export const webhookSecret = 'whsec_test';
export const operatorEmail = 'shop@concierge.test';
export const fastRetry = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 };

export interface OpenNotifications {
  sut: NotificationsService;
  store: ReturnType<typeof createSqliteStore>;
  events: ReturnType<typeof createMemoryEventBus>;
  queue: Queue;
  smtp: TestSmtpServer;
  sms: SandboxSmsProvider;
  close(): Promise<void>;
}

/** A started service; `overrides` replace any dependency (e.g. a mailer pointing at a dead port). */
export async function openNotifications(
  overrides: Partial<NotificationsDeps> & { smtp?: TestSmtpServer; mailer?: Mailer } = {},
): Promise<OpenNotifications> {
  const store = createSqliteStore({ file: ':memory:' });
  const events = createMemoryEventBus({
    onHandlerError: (error) => {
      throw error;
    },
  });
  const queue = createSqliteQueue({ database: store });
  const { smtp: givenSmtp, ...deps } = overrides;
  const smtp = givenSmtp ?? (await startTestSmtpServer());
  const sms = createSandboxSmsProvider();
  const mailer = createSmtpMailer({
    host: smtp.host,
    port: smtp.port,
    from: 'Concierge <no-reply@concierge.test>',
    connectionTimeoutMs: 1000,
  });
  const sut = createNotificationsService({
    store,
    events,
    queue,
    mailer,
    sms,
    webhooks: { secret: webhookSecret, timeoutMs: 2000, allowPrivateTargets: true },
    operatorEmail,
    retry: fastRetry,
    ...deps,
  });
  await store.migrate(sut.migrations);
  await sut.start();
  return {
    sut,
    store,
    events,
    queue,
    smtp,
    sms,
    async close() {
      await sut.stop();
      await queue.close();
      await events.close();
      await mailer.close();
      await smtp.close();
      await store.close();
    },
  };
}

let counter = 0;

/** An envelope with a fresh id (or the given one, to simulate a redelivery). */
export function envelope<T>(
  type: string,
  data: T,
  id = `evt_test_${++counter}_${Date.now()}`,
): EventEnvelope<T> {
  return { id, type, version: 1, occurredAt: '2026-12-23T15:04:09Z', data };
}

export const contact = { email: 'ann@example.com', phone: '+12175550123' };

export const orderPlaced = {
  orderId: 'ord_1',
  userId: 'usr_ann',
  productId: 'prd_roses',
  productName: 'A dozen red roses',
  quantity: 1,
  amount: { amount: 4999, currency: 'USD' },
  deliveryAddress: '1 Main St, Springfield, IL 62701',
  deliveryDate: '2026-12-24',
  contact,
};

export const orderConfirmed = {
  orderId: 'ord_1',
  userId: 'usr_ann',
  confirmationNumber: 'CNC-7Q2X-9KD4',
  productName: 'A dozen red roses',
  quantity: 1,
  amount: { amount: 4999, currency: 'USD' },
  deliveryDate: '2026-12-24',
  contact,
};

/** Calls an operation the way the gateway would. */
export function call(sut: NotificationsService, operationId: string, parts: Partial<OperationRequest> = {}) {
  const handler = sut.module.operations[operationId];
  if (!handler) throw new Error(`no operation ${operationId}`);
  return handler({
    operationId,
    params: {},
    query: {},
    body: undefined,
    headers: {},
    caller: { userId: 'usr_ann', roles: ['customer'], via: 'jwt' },
    requestId: 'req_test',
    ...parts,
  });
}
