// The gateway in front of an assembled system, configured from the contract shipped with the install.
import path from 'node:path';
import { buildGateway, type Gateway, loadApiDocument } from '@concierge/gateway';
import type { ConciergeConfig, Logger } from '@concierge/platform';
import { apiDocumentFile, installRoot } from '../locate.js';
import { chooseAuthenticator } from './authenticator.js';
import type { System } from './embedded.root.js';

export function buildSystemGateway(
  config: ConciergeConfig,
  logger: Logger,
  system: System,
): Promise<Gateway> {
  const root = installRoot();
  return buildGateway({
    document: loadApiDocument(apiDocumentFile(root)),
    logger,
    authenticator: chooseAuthenticator(config),
    services: system.services,
    readiness: system.readiness,
    bodyLimit: config.http.bodyLimit,
    corsOrigins: config.http.corsOrigins,
    webDir: config.webDir ?? path.join(root, 'web'),
  });
}
