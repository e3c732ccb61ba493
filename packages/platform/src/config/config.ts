// Configuration: parsed once from the environment into a typed, validated object; fails fast at start.
import path from 'node:path';
import { z } from 'zod';
import { AppError, type FieldProblem } from '../errors/app-error.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

/** Every `CONCIERGE_*` variable the system knows, with its default; documented in the README. */
const conciergeVars = z
  .object({
    CONCIERGE_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
    CONCIERGE_HOST: z.string().min(1).default('127.0.0.1'),
    CONCIERGE_PORT: port.default(3000),
    CONCIERGE_PUBLIC_URL: z.url().optional(),
    CONCIERGE_DATA_DIR: z.string().min(1).default('./data'),
    CONCIERGE_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CONCIERGE_LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    CONCIERGE_STORE: z.enum(['sqlite', 'postgres']).optional(),
    CONCIERGE_CACHE: z.enum(['memory', 'redis']).optional(),
    CONCIERGE_QUEUE: z.enum(['sqlite', 'nats']).optional(),
    CONCIERGE_CACHE_PREFIX: z.string().min(1).max(64).default('concierge:'),
    CONCIERGE_NATS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be letters, digits, _ or - (at most 32)')
      .default('concierge'),
    CONCIERGE_SERVICES: list.default(['all']),
    CONCIERGE_SERVICE_URLS: z.string().optional(),
    CONCIERGE_SERVICE_TIMEOUT_MS: positiveInt.default(10_000),
    CONCIERGE_BODY_LIMIT: positiveInt.default(1_048_576),
    CONCIERGE_CATALOG_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
    CONCIERGE_ACCOUNT_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    CONCIERGE_CORS_ORIGINS: list.default([]),
    CONCIERGE_SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
    CONCIERGE_BACKGROUND: z.enum(['thread', 'inline']).default('thread'),
    CONCIERGE_WEB_DIR: z.string().min(1).optional(),
    CONCIERGE_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    CONCIERGE_MAIL_FROM: z.string().min(3).default('Concierge <concierge@localhost>'),
    CONCIERGE_OPERATOR_EMAIL: z.email().default('operator@concierge.local'),
    CONCIERGE_REGION: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1')
      .default('us-east-1'),
    CONCIERGE_OIDC_PROVIDERS: z.string().optional(),
    CONCIERGE_GUEST_ACCESS: z.enum(['true', 'false']).default('false'),
    CONCIERGE_TOKEN_TTL_SECONDS: positiveInt.default(3600),
    CONCIERGE_REFRESH_TTL_SECONDS: positiveInt.default(30 * 86_400),
    CONCIERGE_METRICS_PORT: port.optional(),
    CONCIERGE_METRICS_HOST: z.string().min(1).optional(),
  })
  .strict();

const serverVars = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\//, 'must be a nats:// URL')
    .optional(),
});

/** The OpenTelemetry variables we honour, with their standard meaning. */
const otelVars = z.object({
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
});

export type ConciergeConfig = ReturnType<typeof shape>;

function shape(c: z.infer<typeof conciergeVars>, s: z.infer<typeof serverVars>, o: z.infer<typeof otelVars>) {
  const distributed = c.CONCIERGE_MODE === 'distributed';
  const dataDir = path.resolve(c.CONCIERGE_DATA_DIR);
  return {
    mode: c.CONCIERGE_MODE,
    http: {
      host: c.CONCIERGE_HOST,
      port: c.CONCIERGE_PORT,
      /** When unset, the URL printed at start uses the port actually bound (useful with port 0). */
      publicUrl: c.CONCIERGE_PUBLIC_URL,
      bodyLimit: c.CONCIERGE_BODY_LIMIT,
      corsOrigins: c.CONCIERGE_CORS_ORIGINS,
    },
    log: { level: c.CONCIERGE_LOG_LEVEL, format: c.CONCIERGE_LOG_FORMAT },
    dataDir,
    webDir: c.CONCIERGE_WEB_DIR ? path.resolve(c.CONCIERGE_WEB_DIR) : undefined,
    store: {
      kind: c.CONCIERGE_STORE ?? (distributed ? 'postgres' : 'sqlite'),
      sqliteFile: path.join(dataDir, 'concierge.sqlite'),
      databaseUrl: s.DATABASE_URL,
    },
    cache: {
      kind: c.CONCIERGE_CACHE ?? (distributed ? 'redis' : 'memory'),
      redisUrl: s.REDIS_URL,
      keyPrefix: c.CONCIERGE_CACHE_PREFIX,
    },
    queue: {
      kind: c.CONCIERGE_QUEUE ?? (distributed ? 'nats' : 'sqlite'),
      natsUrl: s.NATS_URL,
      natsPrefix: c.CONCIERGE_NATS_PREFIX,
    },
    mail: {
      smtpUrl: c.CONCIERGE_SMTP_URL,
      from: c.CONCIERGE_MAIL_FROM,
      operatorEmail: c.CONCIERGE_OPERATOR_EMAIL,
    },
    identity: {
      region: c.CONCIERGE_REGION,
      outsideProviders: parseProviders(c.CONCIERGE_OIDC_PROVIDERS),
      guestAccess: c.CONCIERGE_GUEST_ACCESS === 'true',
      tokenTtlSeconds: c.CONCIERGE_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: c.CONCIERGE_REFRESH_TTL_SECONDS,
      /** How long a process reuses an account read for the caller's profile; its own changes show at once. */
      accountCacheMs: c.CONCIERGE_ACCOUNT_CACHE_MS,
    },
    services: c.CONCIERGE_SERVICES,
    /** How long a process reuses a product it read; changes made by the same process show at once. */
    catalog: { productCacheMs: c.CONCIERGE_CATALOG_CACHE_MS },
    telemetry: {
      /** The operator port (`/metrics`, `/healthz`, `/readyz`); no metrics are kept when unset. */
      metricsPort: c.CONCIERGE_METRICS_PORT,
      metricsHost: c.CONCIERGE_METRICS_HOST ?? c.CONCIERGE_HOST,
      /** Traces go to this OTLP/HTTP collector; tracing is off when unset (or OTEL_SDK_DISABLED=true). */
      otlpEndpoint: o.OTEL_SDK_DISABLED === 'true' ? undefined : o.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: o.OTEL_SERVICE_NAME,
      sampleRatio: o.OTEL_TRACES_SAMPLER_ARG,
    },
    /** Where each service process listens, for the gateway and service-to-service calls. */
    serviceUrls: parseServiceUrls(c.CONCIERGE_SERVICE_URLS),
    serviceTimeoutMs: c.CONCIERGE_SERVICE_TIMEOUT_MS,
    shutdownTimeoutMs: c.CONCIERGE_SHUTDOWN_TIMEOUT_MS,
    /**
     * Where the embedded mode's relays, payment worker and notification consumers run: on a worker thread
     * with its own SQLite connection (`thread`), or on the HTTP event loop (`inline`).
     */
    background: c.CONCIERGE_BACKGROUND,
  } as const;
}

/** `CONCIERGE_SERVICE_URLS` is `name=url,name=url` (e.g. `catalog=http://10.0.0.5:4101`). */
function parseServiceUrls(value: string | undefined): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const pair of (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, url] = pair.split('=', 2).map((x) => x?.trim());
    if (!name || !url || !/^https?:\/\/[^/]+/.test(url))
      throw configError([
        { field: 'CONCIERGE_SERVICE_URLS', message: `"${pair}" is not name=http://host:port` },
      ]);
    urls[name] = url.replace(/\/+$/, '');
  }
  return urls;
}

const outsideProvider = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    issuer: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    scope: z.string().optional(),
  })
  .strict();

export type OutsideProviderConfig = z.infer<typeof outsideProvider>;

/** `CONCIERGE_OIDC_PROVIDERS` is a JSON array of `{name, issuer, clientId, clientSecret, scope?}`. */
function parseProviders(value: string | undefined): OutsideProviderConfig[] {
  if (!value) return [];
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw configError([{ field: 'CONCIERGE_OIDC_PROVIDERS', message: 'is not valid JSON' }]);
  }
  const parsed = z.array(outsideProvider).safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : 'invalid';
    throw configError([{ field: 'CONCIERGE_OIDC_PROVIDERS', message: where }]);
  }
  return parsed.data;
}

/**
 * Parses the environment. Unknown `CONCIERGE_*` variables and invalid values are errors naming the variable.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): ConciergeConfig {
  const ours = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('CONCIERGE_') && v !== undefined && v !== ''),
  );
  const servers = {
    DATABASE_URL: env.DATABASE_URL || undefined,
    REDIS_URL: env.REDIS_URL || undefined,
    NATS_URL: env.NATS_URL || undefined,
  };
  const otel = Object.fromEntries(Object.keys(otelVars.shape).map((k) => [k, env[k] || undefined])) as Record<
    string,
    string | undefined
  >;
  const problems: FieldProblem[] = [];
  const a = conciergeVars.safeParse(ours);
  const b = serverVars.safeParse(servers);
  const c = otelVars.safeParse(otel);
  for (const result of [a, b, c]) {
    if (result.success) continue;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push({ field: key, message: 'unknown variable' });
      } else {
        problems.push({ field: String(issue.path[0]), message: issue.message });
      }
    }
  }
  if (problems.length > 0 || !a.success || !b.success || !c.success) throw configError(problems);
  const config = shape(a.data, b.data, c.data);
  if (config.store.kind === 'postgres' && !config.store.databaseUrl) {
    throw configError([{ field: 'DATABASE_URL', message: 'required when the store is postgres' }]);
  }
  if (config.cache.kind === 'redis' && !config.cache.redisUrl) {
    throw configError([{ field: 'REDIS_URL', message: 'required when the cache is redis' }]);
  }
  if (config.queue.kind === 'nats' && !config.queue.natsUrl) {
    throw configError([{ field: 'NATS_URL', message: 'required when the queue is nats' }]);
  }
  return config;
}

function configError(problems: FieldProblem[]): AppError {
  const lines = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new AppError('invalid', `Invalid configuration: ${lines}`, {
    code: 'INVALID_CONFIG',
    details: problems,
  });
}
