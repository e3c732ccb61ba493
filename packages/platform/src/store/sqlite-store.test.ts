// The embedded SQL store against the shared contract.
import { sqlStoreContract, tempSqliteStore } from '../testing/index.js';

sqlStoreContract('sqlite', async () => tempSqliteStore());
