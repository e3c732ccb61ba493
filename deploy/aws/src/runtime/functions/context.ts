// What every function of a service is built from, and the API handler they share.
import type { OpenApi } from '../../stack/api-definition.js';
import { createHttpHandler } from '../http-handler.js';
import type { Resources } from '../resources.js';

export interface ServiceContext extends Resources {
  document: OpenApi;
}

export const serviceHttp = (
  ctx: ServiceContext,
  service: string,
  modules: Parameters<typeof createHttpHandler>[0]['modules'],
  afterRequest?: () => Promise<void>,
) =>
  createHttpHandler({
    document: ctx.document,
    service,
    modules,
    logger: ctx.logger,
    operatorRole: ctx.env.operatorRole,
    corsOrigins: ctx.env.corsOrigins,
    readiness: [
      { name: 'store', check: () => ctx.store.check() },
      { name: 'cache', check: () => ctx.cache.check() },
    ],
    ...(afterRequest ? { afterRequest } : {}),
  });
