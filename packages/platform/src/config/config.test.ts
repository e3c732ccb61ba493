import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { loadConfig } from './config.js';

function failure(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration', () => {
  it('has working defaults for the embedded mode', () => {
    const sut = loadConfig({});
    expect(sut.mode).toBe('embedded');
    expect(sut.http).toMatchObject({ host: '127.0.0.1', port: 3000, publicUrl: undefined });
    expect(sut.store.kind).toBe('sqlite');
    expect(sut.cache.kind).toBe('memory');
    expect(sut.store.sqliteFile).toMatch(/data\/concierge\.sqlite$/);
  });

  it('parses and coerces values', () => {
    const sut = loadConfig({
      CONCIERGE_PORT: '8080',
      CONCIERGE_CORS_ORIGINS: 'https://a.test, https://b.test',
    });
    expect(sut.http.port).toBe(8080);
    expect(sut.http.corsOrigins).toEqual(['https://a.test', 'https://b.test']);
  });

  it('stops on an unknown CONCIERGE_ variable, naming it', () => {
    const error = failure({ CONCIERGE_PROT: '3000' });
    expect(error.message).toContain('CONCIERGE_PROT: unknown variable');
    expect(error.code).toBe('INVALID_CONFIG');
  });

  it('stops on an invalid value, naming the variable', () => {
    expect(failure({ CONCIERGE_PORT: 'eighty' }).message).toContain('CONCIERGE_PORT');
    expect(failure({ CONCIERGE_MODE: 'cluster' }).message).toContain('CONCIERGE_MODE');
    expect(failure({ DATABASE_URL: 'mysql://x' }).message).toContain('DATABASE_URL');
  });

  it('reports every problem at once', () => {
    const error = failure({ CONCIERGE_PORT: '-1', CONCIERGE_NOPE: 'x' });
    expect(error.details).toHaveLength(2);
  });

  it('requires the server URL of a chosen real-server adapter', () => {
    expect(failure({ CONCIERGE_STORE: 'postgres' }).message).toContain('DATABASE_URL');
    expect(failure({ CONCIERGE_MODE: 'distributed', DATABASE_URL: 'postgres://x/y' }).message).toContain(
      'REDIS_URL',
    );
  });

  it('puts the queue on NATS in distributed mode, and needs NATS_URL for it', () => {
    const servers = { DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://r' };
    expect(failure({ CONCIERGE_MODE: 'distributed', ...servers }).message).toContain('NATS_URL');
    const config = loadConfig({ CONCIERGE_MODE: 'distributed', ...servers, NATS_URL: 'nats://n:4222' });
    expect(config.queue).toEqual({ kind: 'nats', natsUrl: 'nats://n:4222', natsPrefix: 'concierge' });
    expect(failure({ NATS_URL: 'http://n' }).message).toContain('NATS_URL');
  });

  it('reads where each service listens from CONCIERGE_SERVICE_URLS', () => {
    const config = loadConfig({ CONCIERGE_SERVICE_URLS: 'catalog=http://10.0.0.5:4101/, chat=http://c:9' });
    expect(config.serviceUrls).toEqual({ catalog: 'http://10.0.0.5:4101', chat: 'http://c:9' });
    expect(failure({ CONCIERGE_SERVICE_URLS: 'catalog' }).message).toContain('CONCIERGE_SERVICE_URLS');
  });

  it('ignores variables that are not ours', () => {
    expect(loadConfig({ PATH: '/bin', HOME: '/root' }).mode).toBe('embedded');
  });

  it('keeps metrics and traces off by default and reads the operator port and the OpenTelemetry variables', () => {
    expect(loadConfig({}).telemetry).toMatchObject({ metricsPort: undefined, otlpEndpoint: undefined });
    const sut = loadConfig({
      CONCIERGE_HOST: '0.0.0.0',
      CONCIERGE_METRICS_PORT: '9464',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'concierge-gateway',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    }).telemetry;
    expect(sut).toEqual({
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
      otlpEndpoint: 'http://collector:4318',
      serviceName: 'concierge-gateway',
      sampleRatio: 0.25,
    });
    const disabled = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' });
    expect(disabled.telemetry.otlpEndpoint).toBeUndefined();
  });

  it('names a bad operator port or OpenTelemetry value', () => {
    expect(failure({ CONCIERGE_METRICS_PORT: '70000' }).message).toContain('CONCIERGE_METRICS_PORT');
    expect(failure({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' }).message).toContain(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    );
    expect(failure({ OTEL_TRACES_SAMPLER_ARG: '2' }).message).toContain('OTEL_TRACES_SAMPLER_ARG');
  });
});
