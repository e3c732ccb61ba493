// The gateway in front of an assembled system, with the identity routes (OpenID provider, federation) mounted.
import { buildGateway, type Gateway } from '@concierge/gateway';
import type { Logger } from '@concierge/platform';
import type { System } from './embedded.root.js';

export async function buildSystemGateway(system: System, logger: Logger): Promise<Gateway> {
  const gateway = await buildGateway({
    document: system.document,
    logger,
    authenticator: system.identity.authenticator,
    services: system.services,
    readiness: system.readiness,
    bodyLimit: system.config.http.bodyLimit,
    corsOrigins: system.config.http.corsOrigins,
    webDir: system.webDir,
    httpsPublic: system.config.http.publicUrl?.startsWith('https://') === true,
    ...(system.telemetry?.gateway ? { telemetry: system.telemetry.gateway } : {}),
  });
  await system.identity.mount(gateway.app);
  // What the web app needs to know about this deployment; a static deployment ships the same file.
  const appConfig = {
    region: system.config.identity.region,
    providers: system.config.identity.outsideProviders.map((p) => ({ name: p.name })),
  };
  gateway.app.get('/app-config.json', (_request, reply) => {
    reply.header('cache-control', 'no-cache').send(appConfig);
  });
  return gateway;
}
