// Helpers for tests of any service: throwaway stores and the contract suites every adapter must pass.

export * from './cache-contract.js';
export * from './event-bus-contract.js';
export * from './eventually.js';
export * from './metric-sample.js';
export { type ExportedSpan, type OtlpReceiver, startOtlpReceiver } from './otlp-receiver.js';
export * from './queue-contract.js';
export * from './smtp-server.js';
export * from './sql-store-contract.js';
export * from './temp-caches.js';
export * from './temp-nats.js';
export * from './temp-stores.js';
