// Usage recorder port: the usage-plan guard reports each API-key request's outcome; adapters must keep
// `record` synchronous and cheap (count in memory, write in batches) because it runs on every such request.

export type UsageOutcome = 'allowed' | 'throttled';

export interface UsageRecorder {
  record(keyId: string, outcome: UsageOutcome): void;
}
