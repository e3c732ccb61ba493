// Names on a NATS server: streams, subjects and durable consumers under one prefix, so several Concierge
// installations (or test runs) share a server without meeting.
import { type ConnectionOptions, connect, type JetStreamManager, type NatsConnection } from 'nats';
import type { Logger } from '../logging/logger.js';

/** Escapes a queue name, event type segment or id into one subject token (`[A-Za-z0-9_-]` kept, rest `=XX`). */
export function token(value: string): string {
  if (value === '') throw new Error('a NATS name token cannot be empty');
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_-]/.test(c) ? c : `=${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Reverses `token`. */
export function untoken(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=') {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The streams and subjects of one installation; `prefix` must be a plain token such as `concierge`. */
export function natsNames(prefix: string) {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(prefix)) throw new Error(`invalid NATS prefix: ${prefix}`);
  return {
    prefix,
    queueStream: `${prefix}_QUEUE`,
    deadStream: `${prefix}_DLQ`,
    eventStream: `${prefix}_EVENTS`,
    /** Ready messages of a queue. */
    ready: (queue: string) => `${prefix}.q.${token(queue)}`,
    /** Messages of a queue waiting for their `delayMs`. */
    delayed: (queue: string) => `${prefix}.d.${token(queue)}`,
    /** Both of the above, for depth. */
    anyState: (queue: string) => `${prefix}.*.${token(queue)}`,
    dead: (queue: string, id: string) => `${prefix}.dlq.${token(queue)}.${token(id)}`,
    deadAll: (queue: string) => `${prefix}.dlq.${token(queue)}.>`,
    event: (type: string) => `${prefix}.ev.${type.split('.').map(token).join('.')}`,
    readyConsumer: (queue: string) => `q_${token(queue)}`,
    delayConsumer: (queue: string) => `d_${token(queue)}`,
  };
}

export type NatsNames = ReturnType<typeof natsNames>;

export interface NatsConnectOptions {
  url: string;
  /** Shown in the server's connection list. */
  name?: string;
  logger?: Logger;
  /** Initial connection timeout; reconnects after that go on for ever, `reconnectWaitMs` apart. */
  timeoutMs?: number;
  reconnectWaitMs?: number;
}

/** Connects to the NATS server(s) at `url` (comma-separated for a cluster) and keeps reconnecting. */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  const servers = options.url.split(',').map((s) => s.trim().replace(/^nats:\/\//, ''));
  const connectOptions: ConnectionOptions = {
    servers,
    name: options.name ?? 'concierge',
    timeout: options.timeoutMs ?? 5_000,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectWaitMs ?? 500,
    pingInterval: 10_000,
    // No stack captured at every request (a JetStream publish, a confirmed ack) for the error it would
    // throw on a timeout: two stack captures per message were ~14 % of a publisher's CPU. A timeout
    // still says what timed out; only its stack then starts in the client, not at our call.
    noAsyncTraces: true,
  };
  const nc = await connect(connectOptions);
  if (options.logger) {
    const log = options.logger;
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error')
          log.warn({ nats: status.type, data: String(status.data) }, 'NATS connection status');
      }
    })();
  }
  return nc;
}

/** The connection's JetStream manager, made on first use; a failed attempt is forgotten so the next call retries. */
export function lazyJetStreamManager(nc: NatsConnection, timeoutMs: number): () => Promise<JetStreamManager> {
  let manager: Promise<JetStreamManager> | undefined;
  return () => {
    manager ??= nc.jetstreamManager({ timeout: timeoutMs }).catch((error) => {
      manager = undefined;
      throw error;
    });
    return manager;
  };
}
