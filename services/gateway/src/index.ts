// Public surface of the gateway service.
export * from './auth/index.js';
export * from './gateway.app.js';
export * from './health/gateway.module.js';
export type { GatewayTelemetry } from './http/telemetry.js';
export * from './openapi/document.js';
export * from './services/service-client.js';
