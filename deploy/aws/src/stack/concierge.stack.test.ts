// Synthesizes the whole CDK app offline (as `cdk synth` does) and checks every resource and that every IAM
// policy is least privilege. Two syntheses: the default (SigV4, no domain) and a domain + Cognito + API keys one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, loadDocument as require_openapi } from '../runtime/testing/document.js';
import { buildApp } from './app.js';
import { policyFindings } from './least-privilege.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation template JSON
type Json = any;

/** The stack only packages the bundle folders; bundle.test.ts checks the real bundles. */
function placeholderBundles(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-bundles-'));
  for (const name of ['gateway', 'catalog', 'chat', 'orders', 'notifications', 'migrate']) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'index.mjs'), `export const bundle = '${name}';\n`);
  }
  return dir;
}

/**
 * `validate`: CDK's built-in CloudFormation schema validation, strict (a warning fails the synthesis). It is
 * most of a synthesis' time, so only the default variant pays for it.
 */
function synth(context: Record<string, string>, validate: boolean): Template {
  const { stack } = buildApp({
    root: repositoryRoot,
    codeDir: placeholderBundles(),
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-cdk-out-')),
    context: {
      account: '123456789012',
      region: 'us-east-1',
      'aws:cdk:disable-asset-staging': 'true',
      '@aws-cdk/core:strictCfnValidateErrors': 'true',
      ...context,
    },
  });
  const before = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = validate ? 'true' : 'false';
  try {
    return Template.fromStack(stack);
  } finally {
    if (before === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = before;
  }
}

const synthTimeoutMs = 180_000;

const ofType = (template: Template, type: string): [string, Json][] =>
  Object.entries(template.findResources(type));

let template: Template;
let json: Json;
beforeAll(() => {
  template = synth({}, true);
  json = template.toJSON();
}, synthTimeoutMs);

describe('the synthesized stack (SigV4, no domain)', () => {
  it('has every IAM policy least privilege', () => {
    expect(policyFindings(json)).toEqual([]);
  });

  it('runs one function per deployed service plus the consumers and the migration, on Node 24 arm64 in the VPC', () => {
    const ours = ofType(template, 'AWS::Lambda::Function').filter(([, r]) =>
      String(r.Properties.Description ?? '').startsWith('Concierge'),
    );
    expect(ours.map(([, r]) => r.Properties.Description).sort()).toEqual([
      'Concierge catalog: API operations',
      'Concierge chat: API operations',
      'Concierge gateway: API operations',
      'Concierge notifications: API operations',
      'Concierge notifications: sends e-mails, SMS and webhooks',
      'Concierge notifications: turns order events into deliveries',
      'Concierge orders: API operations',
      'Concierge orders: sweeps outbox rows a crashed invocation left',
      'Concierge orders: the payment worker on orders.placed',
      'Concierge: applies every service migration after each deployment',
    ]);
    for (const [, fn] of ours) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect(fn.Properties.VpcConfig.SubnetIds).toHaveLength(2);
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
      // Settings name where secrets are, never hold them.
      expect(JSON.stringify(fn.Properties.Environment)).not.toMatch(/password|secretString/i);
      expect(fn.Properties.Environment.Variables.APP_DB_SECRET_ARN).toBeDefined();
    }
    template.resourceCountIs('AWS::Logs::LogGroup', 10);
  });

  it('keeps the database and cache in isolated subnets, reachable from the functions only', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      StorageEncrypted: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
    });
    template.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless' });
    template.hasResourceProperties('AWS::RDS::DBProxy', { EngineFamily: 'POSTGRESQL', RequireTLS: true });
    template.hasResourceProperties('AWS::ElastiCache::ServerlessCache', { Engine: 'valkey' });
    const ingress = ofType(template, 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties);
    expect(ingress.every((rule) => rule.SourceSecurityGroupId && !rule.CidrIp && !rule.CidrIpv6)).toBe(true);
    expect(ingress.map((rule) => rule.FromPort)).toEqual(expect.arrayContaining([5432, 6379]));
    const open = ofType(template, 'AWS::EC2::SecurityGroup').flatMap(
      ([, g]) => g.Properties.SecurityGroupIngress ?? [],
    );
    expect(open).toEqual([]);
  });

  it('gives every work queue a DLQ and the consumers partial batch failures', () => {
    const queues = ofType(template, 'AWS::SQS::Queue');
    const work = queues.filter(([, q]) => q.Properties.RedrivePolicy);
    expect(work).toHaveLength(3);
    for (const [, q] of work) {
      expect(q.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
      expect(q.Properties.VisibilityTimeout).toBe(180);
    }
    expect(queues.every(([, q]) => q.Properties.SqsManagedSseEnabled)).toBe(true);
    const mappings = ofType(template, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(3);
    for (const [, m] of mappings) {
      expect(m.Properties).toMatchObject({
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      FilterPolicy: { type: Match.arrayWith(['order.confirmed', 'conversation.dining_suggested']) },
      RedrivePolicy: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    template.resourceCountIs('Custom::Trigger', 1);
  });

  it('imports the API from the OpenAPI document with one Lambda proxy integration per operation', () => {
    const [[, api]] = ofType(template, 'AWS::ApiGateway::RestApi') as [[string, Json]];
    const body = api.Properties.Body;
    expect(body.openapi).toBe('3.0.1');
    const functions = Object.fromEntries(
      ofType(template, 'AWS::Lambda::Function').map(([id, r]) => [id, String(r.Properties.Description)]),
    );
    const source = loadOperations();
    const deployed = new Set<string>();
    for (const [p, item] of Object.entries<Json>(body.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        if (method === 'options') {
          expect(op['x-amazon-apigateway-integration'].type).toBe('mock');
          continue;
        }
        deployed.add(op.operationId);
        const integration = op['x-amazon-apigateway-integration'];
        expect(integration).toMatchObject({ type: 'aws_proxy', httpMethod: 'POST' });
        const target = JSON.stringify(integration.uri).match(/"(Functions\w+?Http\w+)"/)?.[1];
        expect(functions[target!]).toBe(`Concierge ${source.get(op.operationId)?.service}: API operations`);
        expect(source.get(op.operationId)?.path).toBe(p);
        const open = source.get(op.operationId)?.anonymous;
        expect(op.security).toEqual(open ? [] : [{ sigv4: [] }]);
      }
    }
    const notDeployed = [...source.keys()].filter((id) => !deployed.has(id));
    expect(notDeployed.every((id) => source.get(id)?.service === 'identity' || id === 'streamEvents')).toBe(
      true,
    );
    expect(deployed.size).toBe(source.size - notDeployed.length);
    expect(body.components.securitySchemes.sigv4['x-amazon-apigateway-authtype']).toBe('awsSigv4');
    expect(body.components.securitySchemes.cognito['x-amazon-apigateway-authorizer'].type).toBe(
      'cognito_user_pools',
    );
  });

  it('throttles the stage and offers the two usage plans with an API key for the web app', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, MetricsEnabled: true }),
      ]),
    });
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 5, BurstLimit: 10 },
      Quota: { Limit: 10_000, Period: 'DAY' },
    });
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 20, BurstLimit: 40 },
      Quota: { Limit: 100_000, Period: 'DAY' },
    });
    template.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
    template.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
    const fromApi = ofType(template, 'AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(fromApi).toHaveLength(5);
    for (const [, p] of fromApi) expect(JSON.stringify(p.Properties.SourceArn)).toContain('/prod/*/*');
  });

  it('lets identity-pool customers invoke the customer operations only, operators all of them', () => {
    template.hasResourceProperties('AWS::Cognito::IdentityPool', { AllowUnauthenticatedIdentities: false });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'operator' });
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { users: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
    });
    const invokeResources = (roleName: RegExp) => {
      const [, policy] = ofType(template, 'AWS::IAM::Policy').find(([id]) => roleName.test(id))!;
      const [statement] = policy.Properties.PolicyDocument.Statement;
      expect(statement.Action).toBe('execute-api:Invoke');
      return statement.Resource.map((r: Json) => JSON.stringify(r));
    };
    const customer = invokeResources(/^IdentityCustomerRole/);
    const operator = invokeResources(/^IdentityOperatorRole/);
    expect(customer.some((r: string) => r.includes('/prod/POST/v1/checkout'))).toBe(true);
    expect(customer.some((r: string) => r.includes('/v1/admin/'))).toBe(false);
    expect(operator.some((r: string) => r.includes('/prod/GET/v1/admin/orders'))).toBe(true);
    expect(operator.length).toBeGreaterThan(customer.length);
  });

  it('serves the web app from a private bucket through CloudFront over HTTPS', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    template.resourceCountIs('AWS::Route53::RecordSet', 0);
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
  });
});

describe('the synthesized stack with a domain, the Cognito authorizer and API keys required', () => {
  let domain: Template;
  beforeAll(() => {
    domain = synth(
      {
        auth: 'cognito',
        requireApiKey: 'true',
        domainName: 'concierge.example.com',
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
        zoneName: 'example.com',
        mailFrom: 'Concierge <orders@example.com>',
      },
      false,
    );
  }, synthTimeoutMs);

  it('has every IAM policy least privilege, SES sending included', () => {
    const found = domain.toJSON();
    expect(policyFindings(found)).toEqual([]);
    expect(JSON.stringify(found)).toContain(':identity/example.com');
  });

  it('adds the certificate, the Route53 aliases and the API domain', () => {
    domain.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'concierge.example.com',
      SubjectAlternativeNames: ['api.concierge.example.com'],
      ValidationMethod: 'DNS',
    });
    const records = ofType(domain, 'AWS::Route53::RecordSet').map(
      ([, r]) => `${r.Properties.Type} ${r.Properties.Name}`,
    );
    expect(records.sort()).toEqual([
      'A api.concierge.example.com.',
      'A concierge.example.com.',
      'AAAA concierge.example.com.',
    ]);
    domain.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.concierge.example.com',
      SecurityPolicy: 'TLS_1_2',
    });
    domain.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: ['concierge.example.com'] }),
    });
  });

  it('puts the Cognito authorizer and the API key on every authenticated method', () => {
    const [[, api]] = ofType(domain, 'AWS::ApiGateway::RestApi') as [[string, Json]];
    const checkout = api.Properties.Body.paths['/v1/checkout'].post;
    expect(checkout.security).toEqual([{ cognito: [], api_key: [] }]);
    expect(api.Properties.Body.paths['/v1/products'].get.security).toEqual([{ api_key: [] }]);
  });

  it('refuses a domain outside us-east-1, where CloudFront needs its certificate', () => {
    expect(() =>
      buildApp({
        root: repositoryRoot,
        codeDir: placeholderBundles(),
        context: {
          region: 'eu-west-1',
          domainName: 'concierge.example.com',
          hostedZoneId: 'Z0123456789ABCDEFGHIJ',
          zoneName: 'example.com',
        },
      }),
    ).toThrow(/us-east-1/);
  });
});

function loadOperations() {
  const raw = JSON.parse(JSON.stringify(require_openapi()));
  const out = new Map<string, { service: string; path: string; anonymous: boolean }>();
  for (const [p, item] of Object.entries<Json>(raw.paths)) {
    for (const op of Object.values<Json>(item)) {
      if (!op?.operationId) continue;
      const security: Json[] = op.security ?? raw.security;
      out.set(op.operationId, {
        service: op['x-concierge-service'],
        path: p,
        anonymous: security.length === 0 || security.some((s) => Object.keys(s).length === 0),
      });
    }
  }
  return out;
}
