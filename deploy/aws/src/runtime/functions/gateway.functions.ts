// The gateway function: health, readiness and the contract.
import { serviceHttp as http, type ServiceContext } from './context.js';

export async function gatewayFunctions(ctx: ServiceContext) {
  return { http: await http(ctx, 'gateway', []) };
}
