// Public surface of the identity service's API keys and usage plans.
export * from './api-key.repository.js';
export * from './api-key.service.js';
export * from './api-key.value.js';
export * from './api-key-usage.js';
export * from './api-key-usage.recorder.js';
export * from './api-key-usage.repository.js';
export * from './api-keys.operations.js';
export * from './migrations/index.js';
export * from './usage-plans.js';
