// Builds the CDK app from context values (cdk.json or `-c key=value`), so tests and the CLI synthesize alike.
import fs from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { parse } from 'yaml';
import type { AuthMode } from './api-definition.js';
import { ConciergeStack, type DomainOptions } from './concierge.stack.js';

export interface AppOptions {
  /** Repository root (api/openapi.yaml, web/). */
  root: string;
  /** Folder of the Lambda bundles. */
  codeDir: string;
  outdir?: string;
  context?: Record<string, string>;
}

export function buildApp(options: AppOptions): { app: App; stack: ConciergeStack } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  const ctx = (key: string): string | undefined => {
    const value = app.node.tryGetContext(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const auth = ctx('auth') ?? 'iam';
  if (auth !== 'iam' && auth !== 'cognito')
    throw new Error(`context auth must be iam or cognito, not ${auth}`);
  const domain = domainOptions(ctx);
  const stack = new ConciergeStack(app, ctx('stackName') ?? 'Concierge', {
    env: {
      account: ctx('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
      region: ctx('region') ?? process.env.CDK_DEFAULT_REGION ?? 'us-east-1',
    },
    apiDocument: parse(fs.readFileSync(path.join(options.root, 'api', 'openapi.yaml'), 'utf8')),
    codeDir: options.codeDir,
    webDir: ctx('webDir') ?? path.join(options.root, 'web'),
    auth: auth as AuthMode,
    requireApiKey: ctx('requireApiKey') === 'true',
    ...(domain ? { domain } : {}),
    ...(ctx('operatorEmail') ? { operatorEmail: ctx('operatorEmail') } : {}),
    ...(ctx('operatorPhone') ? { operatorPhone: ctx('operatorPhone') } : {}),
    ...(ctx('mailFrom') ? { mailFrom: ctx('mailFrom') } : {}),
  });
  return { app, stack };
}

function domainOptions(ctx: (key: string) => string | undefined): DomainOptions | undefined {
  const domainName = ctx('domainName');
  if (!domainName) return undefined;
  const hostedZoneId = ctx('hostedZoneId');
  const zoneName = ctx('zoneName');
  if (!hostedZoneId || !zoneName)
    throw new Error('context domainName needs hostedZoneId and zoneName as well');
  return { domainName, hostedZoneId, zoneName };
}
