// The functions of each service over a set of resources: the same service code as the other modes, with
// the Lambda handlers (API Gateway proxy, SQS batches, the schedule) around it. Entries import the one
// file they need, so each bundle holds one service.
export { catalogFunctions } from './functions/catalog.functions.js';
export { chatFunctions } from './functions/chat.functions.js';
export type { ServiceContext } from './functions/context.js';
export { gatewayFunctions } from './functions/gateway.functions.js';
export { allMigrations } from './functions/migrations.js';
export { notificationsFunctions } from './functions/notifications.functions.js';
export { ordersFunctions } from './functions/orders.functions.js';
