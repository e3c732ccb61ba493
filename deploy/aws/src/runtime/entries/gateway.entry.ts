// Lambda entry of the gateway function (bundled by deploy/aws/bundle.ts).
import { gatewayFunctions } from '../functions/gateway.functions.js';
import { coldStart } from './start.js';

const functions = await gatewayFunctions(await coldStart('gateway'));
export const http = functions.http;
