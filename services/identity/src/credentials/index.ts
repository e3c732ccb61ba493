// Public surface of the identity service's credential broker (Cognito identity pool counterpart).
export * from './access-keys.js';
export * from './credential.broker.js';
export * from './credential.repository.js';
export * from './credentials.operations.js';
export * from './id-token.verifier.js';
export * from './migrations/index.js';
export * from './sealer.js';
export * from './session-token.js';
