// Test helpers: the model trained once per machine, a seeded catalog, and a chat service on a fixed clock.
import os from 'node:os';
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import type { NluModel } from '@concierge/nlu';
import {
  type Cache,
  type Caller,
  createMemoryCache,
  createSqliteStore,
  type EventBus,
  type ServiceModule,
  type SqlStore,
} from '@concierge/platform';
import { type ChatService, createChatService, inProcessCatalogClient } from '../index.js';
import { readBotDefinition } from '../nlu/bot-definition.js';
import { loadOrTrainModel } from '../nlu/model-store.js';
import type { BookingInfo } from '../recommend/recommend.types.js';

let model: NluModel | undefined;

/** The concierge model, from a shared temp folder: trained by the first test file that needs it. */
export function testModel(): NluModel {
  model ??= loadOrTrainModel({
    dataDir: path.join(os.tmpdir(), 'concierge-chat-test'),
    botYaml: readBotDefinition(),
  });
  return model;
}

export const alice: Caller = { userId: 'usr_alice', roles: ['customer'], via: 'jwt' };
export const bob: Caller = { userId: 'usr_bob', roles: ['customer'], via: 'jwt' };

/** Tuesday 10 March 2026, 15:00 in New York. */
export const start = Date.parse('2026-03-10T19:00:00Z');

export interface OpenChat {
  chat: ChatService;
  /** The catalog the chat books at (`listBookings` shows what the dialog booked). */
  catalog: ServiceModule;
  store: SqlStore;
  cache: Cache;
  clock: { now: number };
  /** Sends one text as `caller` and returns the conversation id and replies as wire messages. */
  send(
    text: string,
    options?: { caller?: Caller; conversationId?: string; timeZone?: string },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  conversationId: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the wire shape loosely
  messages: any[];
  texts: string[];
}

export async function openChat(
  options: { cache?: Cache; events?: EventBus; idleTtlMs?: number } = {},
): Promise<OpenChat> {
  const store = createSqliteStore({ file: ':memory:' });
  const clock = { now: start };
  // The catalog shares the chat's clock: bookings are refused for times already past.
  const catalog = createCatalogService({ store, now: () => new Date(clock.now) });
  await store.migrate(catalog.migrations);
  await catalog.seed({ products: 60, restaurants: 300 });
  const cache = options.cache ?? createMemoryCache();
  const chat = createChatService({
    store,
    cache,
    catalog: inProcessCatalogClient(catalog.module),
    model: testModel(),
    now: () => new Date(clock.now),
    ...(options.events ? { events: options.events } : {}),
    ...(options.idleTtlMs ? { idleTtlMs: options.idleTtlMs } : {}),
  });
  await store.migrate(chat.migrations);
  const send: OpenChat['send'] = async (text, o = {}) => {
    const res = await chat.module.operations.sendMessage!({
      operationId: 'sendMessage',
      params: {},
      query: {},
      headers: {},
      requestId: 'test',
      caller: o.caller ?? alice,
      body: {
        messages: [{ type: 'unstructured', unstructured: { text } }],
        ...(o.conversationId ? { conversationId: o.conversationId } : {}),
        ...(o.timeZone ? { timeZone: o.timeZone } : {}),
      },
    });
    const body = res.body as { conversationId: string; messages: Answer['messages'] };
    const texts = body.messages.map((m) => m.unstructured?.text ?? m.structured?.text);
    return { ...body, texts };
  };
  return { chat, catalog: catalog.module, store, cache, clock, send, close: () => store.close() };
}

/** A conversation helper: keeps the id between turns. */
export function talk(open: OpenChat, caller: Caller = alice) {
  let id: string | undefined;
  return async (text: string) => {
    const answer = await open.send(text, { caller, ...(id ? { conversationId: id } : {}) });
    id = answer.conversationId;
    return answer;
  };
}

/** The catalog's bookings of `caller`, as `GET /v1/bookings` lists them. */
export async function bookingsOf(open: OpenChat, caller: Caller): Promise<BookingInfo[]> {
  const res = await open.catalog.operations.listBookings!({
    operationId: 'listBookings',
    params: {},
    query: {},
    headers: {},
    body: undefined,
    caller,
    requestId: 'test',
  });
  return (res.body as { items: BookingInfo[] }).items;
}
