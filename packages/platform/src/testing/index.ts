// Helpers for tests of any service: throwaway stores and the contract suites every adapter must pass.
export * from './smtp-server.js';
