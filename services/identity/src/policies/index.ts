// Public surface of the identity service's IAM-style policies.
export * from './policy.engine.js';
export * from './policy.evaluator.js';
export * from './policy.types.js';
export * from './wildcard.js';
