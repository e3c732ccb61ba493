// Public surface of the gateway's authorizers: SigV4, bearer JWT, API keys with usage plans.
export * from './authenticator.js';
export * from './authorizer.js';
export * from './rate-limit/fallback-rate-limiter.js';
export * from './rate-limit/memory-rate-limiter.js';
export * from './rate-limit/rate-limiter.js';
export * from './rate-limit/redis-rate-limiter.js';
export * from './security-schemes.js';
export * from './sigv4/sigv4.verifier.js';
export * from './usage-plan.guard.js';
export * from './usage-recorder.js';
