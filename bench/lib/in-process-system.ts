// The embedded system in this process, seeded, with its gateway (no sockets) and the demo customer's
// bearer token: for the counting tools under bench/tools.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, loadConfig } from '@concierge/platform';
import { seedDemoAccounts } from '../../packages/cli/src/roots/demo-accounts.js';
import { assembleSystem, migrateAll } from '../../packages/cli/src/roots/embedded.root.js';
import { buildSystemGateway } from '../../packages/cli/src/roots/system-gateway.js';

export async function openInProcessSystem(
  folderPrefix: string,
  seed: { products: number; restaurants: number },
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const logger = createLogger({ level: 'silent', format: 'json' });
  const system = await assembleSystem(loadConfig({ CONCIERGE_DATA_DIR: dataDir }), logger);
  await migrateAll(system);
  await system.catalog.seed(seed);
  await seedDemoAccounts(system.identity.identity);
  await system.start();
  const sut = await buildSystemGateway(system, logger);
  const token: string = (
    await sut.app.inject({
      method: 'POST',
      url: '/v1/auth/signin',
      payload: { email: 'demo@concierge.local', password: 'Concierge-demo-1' },
    })
  ).json().accessToken;
  return { dataDir, system, sut, token };
}
