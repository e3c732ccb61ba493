// The API Gateway (REST, Lambda proxy) handler of one service: the same gateway code as the other modes, with
// only this service's operations, its validation and error shapes, and the caller API Gateway established.

import { buildGateway, indexDocument, type ReadinessCheck } from '@concierge/gateway';
import type { Logger, ServiceModule } from '@concierge/platform';
import awsLambdaFastify from '@fastify/aws-lambda';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { OpenApi } from '../stack/api-definition.js';
import { callerFromRequestContext } from './caller.js';

export interface HttpHandlerOptions {
  /** The full OpenAPI document; only `service`'s operations are routed. */
  document: OpenApi;
  service: string;
  modules: ServiceModule[];
  logger: Logger;
  operatorRole: string;
  corsOrigins: string[];
  readiness?: ReadinessCheck[];
  /** Runs after each answer, before the function freezes (the orders outbox relays flush here). */
  afterRequest?: () => Promise<void>;
}

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

declare module 'fastify' {
  interface FastifyRequest {
    awsLambda?: { event: APIGatewayProxyEvent; context: Context };
  }
}

export async function createHttpHandler(options: HttpHandlerOptions): Promise<ProxyHandler> {
  const gateway = await buildGateway({
    document: indexDocument(onlyService(options.document, options.service)),
    logger: options.logger,
    services: options.modules,
    readiness: options.readiness ?? [],
    corsOrigins: options.corsOrigins,
    authenticator: {
      authenticate: async (request) => {
        const event = request.awsLambda?.event;
        return event ? callerFromRequestContext(event.requestContext, options) : null;
      },
    },
  });
  const proxy = awsLambdaFastify(gateway.app, {
    decorateRequest: true,
    callbackWaitsForEmptyEventLoop: false,
  });
  await gateway.app.ready();
  return async (event, context) => {
    const answer = (await proxy(event, context)) as APIGatewayProxyResult;
    // The answer stands whatever happens here: what is not delivered now, the scheduled sweep delivers.
    await options
      .afterRequest?.()
      .catch((error) => options.logger.error({ err: error }, 'after-request step failed'));
    return answer;
  };
}

function onlyService(document: OpenApi, service: string): OpenApi {
  const paths: OpenApi = {};
  for (const [path, item] of Object.entries<OpenApi>(document.paths)) {
    const kept = Object.fromEntries(
      Object.entries<OpenApi>(item).filter(
        ([key, op]) => key === 'parameters' || op?.['x-concierge-service'] === service,
      ),
    );
    if (Object.keys(kept).some((key) => key !== 'parameters')) paths[path] = kept;
  }
  return { ...document, paths };
}
