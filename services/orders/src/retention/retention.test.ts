// The retention suite (idempotency-key expiry, sweeps) on the embedded SQLite store.
import { describe } from 'vitest';
import { retentionSuite } from '../testing/retention.suite.js';

describe('retention on SQLite', () => retentionSuite(async () => undefined));
