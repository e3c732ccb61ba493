// Public surface of the Concierge SDK: the typed client, sign-in and sessions, and the contract's types.
export type { TokenSource } from './auth.middleware.js';
export {
  type ClientAuth,
  type ConciergeClient,
  type ConciergeClientOptions,
  createConciergeClient,
} from './client.js';
export type { components, operations, paths } from './generated/api.js';
export { toE164 } from './phone.js';
export {
  type AwsCredentials,
  createSession,
  type Session,
  type SessionOptions,
  type Tokens,
} from './session.js';
export { type SignInOptions, signIn } from './sign-in.js';
export { nonceHeader, type SigV4Options, sigv4Middleware } from './sigv4.middleware.js';
export { type FetchLike, withTimeout } from './timeout.fetch.js';
