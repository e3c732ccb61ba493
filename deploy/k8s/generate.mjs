// Writes concierge.yaml: the Kubernetes objects of the distributed topology from the table below, so every
// service gets the same probes, security context, budget and policy. `node deploy/k8s/generate.mjs`
// after changing it (a test fails while the YAML is stale, and validates it against the Kubernetes schemas).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const namespace = 'concierge';
const image = 'ghcr.io/concierge/concierge:0.1.0';
const partOf = { 'app.kubernetes.io/part-of': 'concierge' };

/** replicas: the HPA's floor; http: whether it serves the API (workers only have the operator port). */
export const services = [
  { name: 'gateway', replicas: 2, max: 10, cpu: '250m', memory: '256Mi', http: true, public: true },
  { name: 'catalog', replicas: 2, max: 6, cpu: '100m', memory: '192Mi', http: true },
  { name: 'identity', replicas: 2, max: 6, cpu: '100m', memory: '192Mi', http: true },
  // The NLU model lives in memory: chat scales on its own, apart from checkout.
  { name: 'chat', replicas: 2, max: 10, cpu: '250m', memory: '384Mi', http: true },
  { name: 'orders', replicas: 2, max: 6, cpu: '100m', memory: '192Mi', http: true },
  { name: 'orders-worker', replicas: 2, max: 10, cpu: '100m', memory: '192Mi', http: false },
  { name: 'notifications', replicas: 2, max: 6, cpu: '100m', memory: '192Mi', http: true },
];

const labels = (name) => ({ 'app.kubernetes.io/name': name, ...partOf });
const meta = (name, extra = {}) => ({ name, namespace, labels: labels(name), ...extra });

function deployment(s) {
  const probePort = s.public ? 'http' : 'ops';
  const ports = [
    ...(s.http ? [{ name: 'http', containerPort: 3000 }] : []),
    { name: 'ops', containerPort: 9464 },
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(s.name),
    spec: {
      replicas: s.replicas,
      selector: { matchLabels: labels(s.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: labels(s.name),
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': '9464',
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          automountServiceAccountToken: false,
          // Longer than CONCIERGE_SHUTDOWN_TIMEOUT_MS, so a drain finishes before the kubelet kills.
          terminationGracePeriodSeconds: 30,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: s.name,
              image,
              imagePullPolicy: 'IfNotPresent',
              args: ['start'],
              env: [
                { name: 'CONCIERGE_SERVICES', value: s.name },
                { name: 'OTEL_SERVICE_NAME', value: `concierge-${s.name}` },
              ],
              envFrom: [
                { configMapRef: { name: 'concierge-config' } },
                { secretRef: { name: 'concierge-secrets' } },
              ],
              ports,
              // The gateway's /readyz turns 503 while it drains, so the Service stops sending it traffic.
              readinessProbe: {
                httpGet: { path: '/readyz', port: probePort },
                periodSeconds: 5,
                timeoutSeconds: 3,
                failureThreshold: 2,
              },
              livenessProbe: {
                httpGet: { path: '/healthz', port: probePort },
                periodSeconds: 10,
                timeoutSeconds: 3,
                failureThreshold: 3,
              },
              // The first start trains the NLU model and runs migrations.
              startupProbe: {
                httpGet: { path: '/healthz', port: probePort },
                periodSeconds: 5,
                failureThreshold: 36,
              },
              resources: {
                requests: { cpu: s.cpu, memory: s.memory },
                limits: { memory: s.memory.replace(/\d+/, (n) => String(Number(n) * 2)) },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [
                { name: 'data', mountPath: '/var/lib/concierge' },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'data', emptyDir: {} },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  };
}

function service(s) {
  const ports = [
    ...(s.http ? [{ name: 'http', port: s.public ? 80 : 3000, targetPort: 'http' }] : []),
    { name: 'ops', port: 9464, targetPort: 'ops' },
  ];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(s.name),
    spec: { type: 'ClusterIP', selector: labels(s.name), ports },
  };
}

const hpa = (s) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: meta(s.name),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: s.name },
    minReplicas: s.replicas,
    maxReplicas: s.max,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ],
    behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
  },
});

const pdb = (s) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: meta(s.name),
  spec: { minAvailable: 1, selector: { matchLabels: labels(s.name) } },
});

const monitoring = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };

/** Default deny in; the gateway open on its API port; services only from Concierge pods; ops port only from monitoring. */
function policies() {
  const policy = (name, spec) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: partOf },
    spec,
  });
  return [
    policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
    policy('gateway-public', {
      podSelector: { matchLabels: labels('gateway') },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 'http', protocol: 'TCP' }] }],
    }),
    policy('services-from-concierge', {
      podSelector: { matchLabels: partOf },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: partOf } }], ports: [{ port: 'http', protocol: 'TCP' }] },
      ],
    }),
    policy('metrics-from-monitoring', {
      podSelector: { matchLabels: partOf },
      policyTypes: ['Ingress'],
      ingress: [{ from: [monitoring], ports: [{ port: 'ops', protocol: 'TCP' }] }],
    }),
  ];
}

const serviceUrls = services
  .filter((s) => s.http && !s.public)
  .map((s) => `${s.name}=http://${s.name}.${namespace}.svc:3000`)
  .join(',');

export function objects() {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: partOf } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'concierge-config', namespace, labels: partOf },
      data: {
        CONCIERGE_MODE: 'distributed',
        CONCIERGE_QUEUE: 'nats',
        CONCIERGE_HOST: '0.0.0.0',
        CONCIERGE_PORT: '3000',
        CONCIERGE_METRICS_HOST: '0.0.0.0',
        CONCIERGE_METRICS_PORT: '9464',
        CONCIERGE_LOG_FORMAT: 'json',
        CONCIERGE_SHUTDOWN_TIMEOUT_MS: '20000',
        CONCIERGE_PUBLIC_URL: 'https://concierge.example.com',
        CONCIERGE_SERVICE_URLS: serviceUrls,
        NATS_URL: 'nats://nats.concierge-data.svc:4222',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring.svc:4318',
      },
    },
    // Placeholders only: create the real one with `kubectl create secret` (docs/deploy.md).
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'concierge-secrets', namespace, labels: partOf },
      type: 'Opaque',
      stringData: {
        DATABASE_URL: 'postgres://concierge:CHANGE-ME@postgres.concierge-data.svc:5432/concierge',
        REDIS_URL: 'redis://redis.concierge-data.svc:6379',
      },
    },
    ...services.flatMap((s) => [deployment(s), service(s), hpa(s), pdb(s)]),
    ...policies(),
  ];
}

export function render() {
  const header =
    '# Generated by deploy/k8s/generate.mjs from its service table; edit that and run it again.\n';
  return (
    header +
    objects()
      .map((o) => `---\n${stringify(o, { lineWidth: 0 })}`)
      .join('')
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(new URL('./concierge.yaml', import.meta.url), render());
  console.log('wrote deploy/k8s/concierge.yaml');
}
