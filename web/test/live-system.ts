// The real embedded system for the browser journeys: in this process, listening on 127.0.0.1, mail going to
// a real SMTP server in the test, the built web app served by the gateway, workers running.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig } from '@concierge/platform';
import { startTestSmtpServer, type TestSmtpServer } from '@concierge/platform/testing';
import { seedDemoAccounts } from '../../packages/cli/src/roots/demo-accounts.js';
import { assembleSystem, migrateAll, type System } from '../../packages/cli/src/roots/embedded.root.js';
import { buildSystemGateway } from '../../packages/cli/src/roots/system-gateway.js';

export const webDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface LiveSystem {
  baseUrl: string;
  smtp: TestSmtpServer;
  system: System;
  close(): Promise<void>;
}

export interface LiveSystemOptions {
  /** A fixed port, when the public URL must be known in advance (an outside provider's redirect URI). */
  port?: number;
  env?: Record<string, string>;
}

export async function startLiveSystem(options: LiveSystemOptions = {}): Promise<LiveSystem> {
  if (!fs.existsSync(path.join(webDir, 'index.html')))
    throw new Error('dist/web is missing: run npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-web-'));
  const smtp = await startTestSmtpServer();
  const logger = createLogger({ level: 'silent', format: 'json' });
  const config = loadConfig({
    CONCIERGE_DATA_DIR: dataDir,
    CONCIERGE_SMTP_URL: `smtp://${smtp.host}:${smtp.port}`,
    CONCIERGE_WEB_DIR: webDir,
    ...options.env,
  });
  const system = await assembleSystem(config, logger);
  await migrateAll(system);
  await system.catalog.seed();
  await seedDemoAccounts(system.identity.identity);
  const gateway = await buildSystemGateway(system, logger);
  const baseUrl = await gateway.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  await system.start();
  return {
    baseUrl,
    smtp,
    system,
    async close() {
      await system.stop();
      gateway.app.server.closeAllConnections();
      await gateway.app.close();
      await system.close();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
