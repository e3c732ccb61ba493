// The embedded system built in-process and listening on 127.0.0.1, with the demo accounts, for the SDK's tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, loadConfig } from '@concierge/platform';
import { demoAccounts, demoPassword, seedDemoAccounts } from '../../../cli/src/roots/demo-accounts.js';
import { assembleSystem, migrateAll } from '../../../cli/src/roots/embedded.root.js';
import { buildSystemGateway } from '../../../cli/src/roots/system-gateway.js';

export interface LiveSystem {
  baseUrl: string;
  region: string;
  email: string;
  password: string;
  close(): Promise<void>;
}

export async function startLiveSystem(env: Record<string, string> = {}): Promise<LiveSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-sdk-'));
  const logger = createLogger({ level: 'silent', format: 'json' });
  const config = loadConfig({ CONCIERGE_DATA_DIR: dataDir, ...env });
  const system = await assembleSystem(config, logger);
  await migrateAll(system);
  await system.catalog.seed({ products: 5, restaurants: 5 });
  await seedDemoAccounts(system.identity.identity);
  const gateway = await buildSystemGateway(system, logger);
  const baseUrl = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl,
    region: config.identity.region,
    email: demoAccounts[0].email,
    password: demoPassword,
    async close() {
      await gateway.app.close();
      await system.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
