// The PostgreSQL store against the shared contract, each test in its own schema.
import { describe } from 'vitest';
import { pgTestStore, sqlStoreContract } from '../testing/index.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('postgres store', () => {
  sqlStoreContract('postgres', () => pgTestStore(url!));
});
