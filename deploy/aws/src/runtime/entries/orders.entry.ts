// Lambda entries of the orders functions: the API, the payment worker (SQS) and the outbox sweep (schedule).
import { ordersFunctions } from '../functions/orders.functions.js';
import { coldStart } from './start.js';

const functions = await ordersFunctions(await coldStart('orders'));
export const { http, worker, relay } = functions;
