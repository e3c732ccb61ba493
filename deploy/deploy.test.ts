// The deployment files: Kubernetes objects valid against the schemas kubernetes-models ships (offline),
// generated YAML up to date, probes and policies where the operator expects them; compose complete.
import fs from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
// @ts-expect-error: a plain ESM script without types
import { render, services } from './k8s/generate.mjs';

interface Container {
  env: { name: string; value: string }[];
  securityContext: { readOnlyRootFilesystem: boolean };
  readinessProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
}
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; [k: string]: unknown };
const models: Record<string, new (o: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

const here = path.dirname(new URL(import.meta.url).pathname);
const manifest = fs.readFileSync(path.join(here, 'k8s', 'concierge.yaml'), 'utf8');
const objects = parseAllDocuments(manifest).map((d) => d.toJS() as K8sObject);
/** The objects of one kind (and name), seen as the shape the test reads. */
const of = <T = K8sObject>(kind: string, name?: string): T[] =>
  objects.filter(
    (o) => o.kind === kind && (name === undefined || o.metadata.name === name),
  ) as unknown as T[];
const names = (services as { name: string }[]).map((s) => s.name);

function modelOf(object: K8sObject) {
  const Model = models[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  return Model;
}

function validate(object: K8sObject): void {
  const Model = modelOf(object);
  new Model(object as never).validate();
}

/**
 * Fields the schema does not know (a typo such as `readinessprobe`), which the JSON schemas let through
 * but `kubectl apply` refuses under strict field validation. The compiled validator reads every property
 * its schema names, and enumerates the keys of free-form maps (labels, ConfigMap data): any key of an
 * object that it neither read nor enumerated is unknown to the schema.
 */
function unknownFields(object: K8sObject): string[] {
  const seen = new Map<object, { path: string; read: Set<string> }>();
  const enumerated = new Set<object>();
  const wrap = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (!seen.has(value)) seen.set(value, { path, read: new Set() });
    return new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key !== 'string') return Reflect.get(target, key, receiver);
        seen.get(target)?.read.add(key);
        const child = Array.isArray(target) ? `${path}[${key}]` : `${path}.${key}`;
        return wrap(Reflect.get(target, key, receiver), child);
      },
      has(target, key) {
        if (typeof key === 'string') seen.get(target)?.read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        enumerated.add(target);
        return Reflect.ownKeys(target);
      },
    });
  };
  // The prototype's validate runs the schema's function on `this`; called on the proxy, not a copy.
  modelOf(object).prototype.validate.call(wrap(object, object.kind));
  const unknown: string[] = [];
  for (const [value, { path, read }] of seen) {
    if (Array.isArray(value) || enumerated.has(value)) continue;
    for (const key of Object.keys(value)) if (!read.has(key)) unknown.push(`${path}.${key}`);
  }
  return unknown;
}

describe('kubernetes manifests', () => {
  it('are what generate.mjs writes (run `node deploy/k8s/generate.mjs` after editing it)', () => {
    expect(manifest).toBe(render());
  });

  it('validate against the Kubernetes schemas, every one of them', () => {
    expect(objects.length).toBeGreaterThan(30);
    for (const object of objects) {
      expect(() => validate(object), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it('carry no field the Kubernetes schemas do not know', () => {
    for (const object of objects)
      expect(unknownFields(object), `${object.kind} ${object.metadata.name}`).toEqual([]);
  });

  it('a misspelled field is caught', () => {
    const typo = structuredClone(of('Deployment', 'gateway')[0]!) as K8sObject & {
      spec: { replica?: number; template: { spec: { containers: Record<string, unknown>[] } } };
    };
    typo.spec.replica = 2;
    typo.spec.template.spec.containers[0]!.readinessprobe = { httpGet: { path: '/readyz', port: 3000 } };
    expect(unknownFields(typo).sort()).toEqual([
      'Deployment.spec.replica',
      'Deployment.spec.template.spec.containers[0].readinessprobe',
    ]);
  });

  it('a schema violation is caught (the validator is not a formality)', () => {
    const broken = structuredClone(of('Deployment', 'gateway')[0]!) as K8sObject & {
      spec: { replicas: unknown };
    };
    broken.spec.replicas = 'two';
    expect(() => validate(broken)).toThrow();
    const noSelector = structuredClone(of('Deployment', 'gateway')[0]!) as K8sObject & {
      spec: { selector?: unknown };
    };
    delete noSelector.spec.selector;
    expect(() => validate(noSelector)).toThrow();
  });

  it('give each service a Deployment with probes and a non-root, read-only container, a Service, an HPA and a PDB', () => {
    for (const name of names) {
      const [deployment] = of<{
        spec: { template: { spec: { securityContext: Record<string, unknown>; containers: Container[] } } };
      }>('Deployment', name);
      expect(deployment, name).toBeDefined();
      const pod = deployment!.spec.template.spec;
      const container = pod.containers[0]!;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(container.env).toContainEqual({ name: 'CONCIERGE_SERVICES', value: name });
      expect(of('Service', name), name).toHaveLength(1);
      expect(of('HorizontalPodAutoscaler', name), name).toHaveLength(1);
      expect(of('PodDisruptionBudget', name), name).toHaveLength(1);
    }
  });

  it('deny ingress by default and open the metrics port to the monitoring namespace only', () => {
    const [deny] = of<{ spec: { podSelector: object; ingress?: unknown } }>(
      'NetworkPolicy',
      'default-deny-ingress',
    );
    expect(deny!.spec.ingress).toBeUndefined();
    const [metrics] = of<{
      spec: { ingress: { ports: unknown; from: { namespaceSelector: { matchLabels: object } }[] }[] };
    }>('NetworkPolicy', 'metrics-from-monitoring');
    expect(deny!.spec.podSelector).toEqual({});
    const rule = metrics!.spec.ingress[0]!;
    expect(rule.ports).toEqual([{ port: 'ops', protocol: 'TCP' }]);
    expect(rule.from[0]!.namespaceSelector.matchLabels).toEqual({
      'kubernetes.io/metadata.name': 'monitoring',
    });
  });

  it('keep real secrets out: the Secret holds placeholders', () => {
    const [secret] = of<{ stringData: Record<string, string> }>('Secret', 'concierge-secrets');
    expect(secret!.stringData.DATABASE_URL).toContain('CHANGE-ME');
  });
});

describe('compose file', () => {
  const compose = parse(fs.readFileSync(path.join(here, 'compose', 'compose.yaml'), 'utf8'), {
    merge: true,
  }) as {
    services: Record<
      string,
      { environment?: Record<string, string>; healthcheck?: unknown; depends_on?: object }
    >;
  };

  it('runs PostgreSQL, Redis, NATS with JetStream and every service, each with a healthcheck', () => {
    for (const name of ['postgres', 'redis', 'nats', ...names]) {
      expect(compose.services[name], name).toBeDefined();
      expect(compose.services[name]!.healthcheck, name).toBeDefined();
    }
    expect(JSON.stringify(compose.services.nats)).toContain('--jetstream');
  });

  it('chooses each container services by CONCIERGE_SERVICES, in distributed mode on the three servers', () => {
    for (const name of names) {
      const env = compose.services[name]!.environment!;
      expect(env.CONCIERGE_SERVICES).toBe(name);
      expect(env.CONCIERGE_MODE).toBe('distributed');
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.NATS_URL).toBe('nats://nats:4222');
      expect(Object.keys(compose.services[name]!.depends_on ?? {})).toEqual(
        expect.arrayContaining(['postgres', 'redis', 'nats']),
      );
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(here, '..', 'Dockerfile'), 'utf8');

  it('is multi-stage and runs as a non-root user from the bundle', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toContain('dist/concierge.mjs');
    expect(final).not.toMatch(/npm ci|npm install/);
  });
});
