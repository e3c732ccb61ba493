// How the gateway reaches services: in process here; an HTTP hop or a Lambda invoke can implement the same.
import {
  AppError,
  type OperationRequest,
  type OperationResponse,
  type ServiceModule,
} from '@concierge/platform';

export type OperationCall = (request: OperationRequest) => Promise<OperationResponse>;

export interface ServiceClient {
  invoke(service: string, request: OperationRequest): Promise<OperationResponse>;
  /**
   * The call `invoke` makes for this operation, when the client can name it once for all requests (the
   * gateway then calls it directly); undefined when every request must go through `invoke`.
   */
  resolve?(service: string, operationId: string): OperationCall | undefined;
}

/** Calls service modules living in this process; an operation no module offers answers 501. */
export function inProcessClient(modules: ServiceModule[]): ServiceClient {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const resolve = (service: string, operationId: string) => byName.get(service)?.operations[operationId];
  return {
    resolve,
    async invoke(service, request) {
      const handler = resolve(service, request.operationId);
      if (!handler) {
        throw new AppError(
          'not_implemented',
          `${request.operationId} is not available yet (service ${service})`,
          {
            code: 'NOT_IMPLEMENTED',
          },
        );
      }
      return handler(request);
    },
  };
}
