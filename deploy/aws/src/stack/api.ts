// The REST API imported from the OpenAPI document (with integrations and authorizers added at synthesis),
// its stage throttling, usage plans and API keys, and the permission for API Gateway to invoke each function.
import { aws_apigateway as apigw, aws_iam as iam, type aws_lambda as lambda, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { type AuthMode, apiDefinition, type OpenApi, type SkippedOperation } from './api-definition.js';
import type { InvokableOperation } from './identity.js';

export interface ConciergeApiProps {
  document: OpenApi;
  /** The function answering each service's operations. */
  functions: Record<string, lambda.IFunction>;
  auth: AuthMode;
  userPoolArn: string;
  requireApiKey: boolean;
  corsOrigins: string[];
  stageName: string;
  /** Stage-wide steady rate and burst (requests per second). */
  throttle: { rateLimit: number; burstLimit: number };
}

/** The plans of the other modes (services/identity/src/api-keys/usage-plans.ts). */
export const usagePlans = {
  basic: { rateLimit: 5, burstLimit: 10, quota: 10_000 },
  standard: { rateLimit: 20, burstLimit: 40, quota: 100_000 },
} as const;

export class ConciergeApi extends Construct {
  readonly api: apigw.SpecRestApi;
  readonly skipped: SkippedOperation[];
  readonly operations: InvokableOperation[];

  constructor(scope: Construct, id: string, props: ConciergeApiProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { definition, skipped } = apiDefinition(props.document, {
      auth: props.auth,
      userPoolArn: props.userPoolArn,
      requireApiKey: props.requireApiKey,
      corsOrigins: props.corsOrigins,
      integrationUri: (service) => {
        const fn = props.functions[service];
        if (!fn) throw new Error(`no function answers the ${service} service`);
        return `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
      },
    });
    this.skipped = skipped;
    this.operations = listOperations(definition, props.document);
    this.api = new apigw.SpecRestApi(this, 'Api', {
      restApiName: `${stack.stackName}-api`,
      description: 'Concierge API, imported from api/openapi.yaml',
      apiDefinition: apigw.ApiDefinition.fromInline(definition),
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // The account-wide CloudWatch role would need a managed policy over every log group; metrics suffice.
      cloudWatchRole: false,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: props.throttle.rateLimit,
        throttlingBurstLimit: props.throttle.burstLimit,
        metricsEnabled: true,
        tracingEnabled: false,
      },
    });
    for (const [service, fn] of Object.entries(props.functions)) {
      fn.addPermission(`InvokeFromApi-${service}`, {
        principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: this.api.arnForExecuteApi('*', '/*', props.stageName),
      });
    }
    const stage = this.api.deploymentStage;
    for (const [name, plan] of Object.entries(usagePlans)) {
      const usagePlan = this.api.addUsagePlan(`${name}Plan`, {
        name: `${stack.stackName}-${name}`,
        throttle: { rateLimit: plan.rateLimit, burstLimit: plan.burstLimit },
        quota: { limit: plan.quota, period: apigw.Period.DAY },
        apiStages: [{ api: this.api, stage }],
      });
      // The web app's own key rides on the standard plan; operators hand out basic keys in the console.
      if (name === 'standard')
        usagePlan.addApiKey(this.api.addApiKey('WebAppKey', { description: 'The web app' }));
    }
  }
}

function listOperations(definition: OpenApi, document: OpenApi): InvokableOperation[] {
  const operatorOnly = new Set<string>();
  for (const item of Object.values<OpenApi>(document.paths)) {
    for (const op of Object.values<OpenApi>(item)) {
      if (op?.['x-concierge-roles']?.includes('operator')) operatorOnly.add(op.operationId);
    }
  }
  const out: InvokableOperation[] = [];
  for (const [path, item] of Object.entries<OpenApi>(definition.paths)) {
    for (const [method, op] of Object.entries<OpenApi>(item)) {
      if (method === 'options') continue;
      out.push({ method: method.toUpperCase(), path, operatorOnly: operatorOnly.has(op.operationId) });
    }
  }
  return out;
}
