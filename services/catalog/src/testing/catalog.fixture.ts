// Test helpers shared by the catalog suites: a migrated catalog over any store, callers and a pager.
import type { Caller, OperationRequest, ServiceModule, SqlStore } from '@concierge/platform';
import { type CatalogService, createCatalogService } from '../index.js';

/** A fresh, empty store and how to dispose of it; one per SQL adapter under test. */
export interface TestStore {
  store: SqlStore;
  close(): Promise<void>;
}

export type StoreFactory = () => Promise<TestStore>;

export const operator: Caller = { userId: 'usr_operator', roles: ['operator'], via: 'jwt' };
export const shopper: Caller = { userId: 'usr_shopper', roles: ['customer'], via: 'jwt' };

export interface OpenCatalog extends TestStore {
  catalog: CatalogService;
  sut: ServiceModule;
  /** Moves the catalog's clock forward, so updates get a later `updatedAt`. */
  tick(ms?: number): void;
}

export async function openCatalog(factory: StoreFactory): Promise<OpenCatalog> {
  const opened = await factory();
  let now = Date.UTC(2026, 0, 15, 12);
  const catalog = createCatalogService({ store: opened.store, now: () => new Date(now) });
  await opened.store.migrate(catalog.migrations);
  const tick = (ms = 1000) => {
    now += ms;
  };
  return { ...opened, catalog, sut: catalog.module, tick };
}

/** Calls an operation the way the gateway would. */
export function call(sut: ServiceModule, operationId: string, parts: Partial<OperationRequest> = {}) {
  const handler = sut.operations[operationId];
  if (!handler) throw new Error(`no operation ${operationId}`);
  return handler({
    operationId,
    params: {},
    query: {},
    body: undefined,
    headers: {},
    caller: null,
    requestId: 'req_test',
    ...parts,
  });
}

interface Listed<T> {
  items: T[];
  nextCursor: string | null;
}

/** Follows `nextCursor` to the end and returns every item with the number of pages it took. */
export async function allPages<T>(sut: ServiceModule, operationId: string, query: Record<string, unknown>) {
  const items: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const answer = await call(sut, operationId, { query: cursor ? { ...query, cursor } : query });
    const page = answer.body as Listed<T>;
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { items, pages };
}

export async function listBody<T>(sut: ServiceModule, operationId: string, query: Record<string, unknown>) {
  return (await call(sut, operationId, { query })).body as Listed<T>;
}
