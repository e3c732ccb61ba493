// Turns api/openapi.yaml into the OpenAPI 3.0 document API Gateway imports: one Lambda proxy integration per
// operation (the function of its `x-concierge-service`), the SigV4 (IAM) or Cognito authorizer, API keys, CORS.

/** An OpenAPI object as parsed from YAML. */
// biome-ignore lint/suspicious/noExplicitAny: the raw OpenAPI object as parsed from YAML
export type OpenApi = Record<string, any>;

export type AuthMode = 'iam' | 'cognito';

export interface ApiDefinitionOptions {
  /** Invocation URI (`arn:…:apigateway:…:lambda:path/…/invocations`) of each service's function. */
  integrationUri: (service: string) => string;
  /** Authenticated operations use SigV4 (the lecture's identity-pool credentials) or Cognito ID tokens. */
  auth: AuthMode;
  /** ARN of the Cognito user pool the `cognito` authorizer trusts. */
  userPoolArn: string;
  /** Every method also needs `x-api-key` (usage plans then meter every caller). */
  requireApiKey: boolean;
  /** Origins the preflight answers allow. */
  corsOrigins: string[];
}

export interface SkippedOperation {
  operationId: string;
  reason: string;
}

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Operations that API Gateway REST + Lambda cannot serve as they are, and why (docs/deploy-aws.md). */
export const notDeployed: Record<string, string> = {
  streamEvents:
    'server-sent events need a long-lived response; on AWS clients poll GET /v1/orders/{orderId} instead',
};
/** Services whose operations Cognito and API Gateway replace on AWS. */
export const replacedServices: Record<string, string> = {
  identity:
    'Cognito serves sign-up, sign-in, tokens and identity-pool credentials; API Gateway serves API keys',
};

export const securitySchemeNames = { iam: 'sigv4', cognito: 'cognito', apiKey: 'api_key' } as const;

/** The services that answer at least one deployed operation. */
export function deployedServices(document: OpenApi): string[] {
  const found = new Set<string>();
  forEachOperation(document, (op) => {
    if (deployable(op) === undefined) found.add(op['x-concierge-service']);
  });
  return [...found].sort();
}

export function apiDefinition(
  document: OpenApi,
  options: ApiDefinitionOptions,
): { definition: OpenApi; skipped: SkippedOperation[] } {
  const skipped: SkippedOperation[] = [];
  const paths: OpenApi = {};
  for (const [path, item] of Object.entries<OpenApi>(document.paths ?? {})) {
    const out: OpenApi = {};
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const reason = deployable(op);
      if (reason) {
        skipped.push({ operationId: op.operationId, reason });
        continue;
      }
      out[method] = {
        operationId: op.operationId,
        ...(op.summary ? { summary: op.summary } : {}),
        // Only path parameters, taken from the template: API Gateway needs them to route; the function
        // validates everything else against the full 3.1 document, which API Gateway's draft-4 models cannot express.
        parameters: [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
          name: m[1],
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        responses: { default: { description: 'The function answers.' } },
        security: methodSecurity(op.security ?? document.security ?? [], options),
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: options.integrationUri(op['x-concierge-service']),
          passthroughBehavior: 'when_no_match',
        },
      };
    }
    if (Object.keys(out).length === 0) continue;
    out.options = corsPreflight(Object.keys(out), options.corsOrigins);
    paths[path] = out;
  }
  const definition: OpenApi = {
    openapi: '3.0.1',
    info: { title: document.info.title, version: document.info.version, description: document.info.summary },
    paths,
    components: { securitySchemes: securitySchemes(options) },
    'x-amazon-apigateway-api-key-source': 'HEADER',
  };
  return { definition, skipped };
}

function deployable(op: OpenApi): string | undefined {
  const service = op['x-concierge-service'];
  if (typeof service !== 'string') throw new Error(`${op.operationId} has no x-concierge-service`);
  return notDeployed[op.operationId] ?? replacedServices[service];
}

/**
 * Our operations list alternatives (`{}` = anonymous allowed, sigv4, bearer, apiKey); an API Gateway method has
 * one authorizer. Anonymous-allowed stays open (the function personalises nothing then); others get the chosen one.
 */
function methodSecurity(requirements: OpenApi[], options: ApiDefinitionOptions): OpenApi[] {
  const anonymous = requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0);
  const key = options.requireApiKey ? { [securitySchemeNames.apiKey]: [] } : {};
  if (anonymous) return options.requireApiKey ? [key] : [];
  return [{ [securitySchemeNames[options.auth]]: [], ...key }];
}

function securitySchemes(options: ApiDefinitionOptions): OpenApi {
  return {
    [securitySchemeNames.iam]: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    },
    [securitySchemeNames.cognito]: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [options.userPoolArn] },
    },
    [securitySchemeNames.apiKey]: { type: 'apiKey', name: 'x-api-key', in: 'header' },
  };
}

/** A mock integration answering CORS preflights without invoking a function. */
function corsPreflight(methodsHere: string[], origins: string[]): OpenApi {
  const allowMethods = [...methodsHere.map((m) => m.toUpperCase()), 'OPTIONS'].join(',');
  return {
    security: [],
    responses: {
      '204': {
        description: 'CORS preflight.',
        headers: {
          'Access-Control-Allow-Origin': { schema: { type: 'string' } },
          'Access-Control-Allow-Methods': { schema: { type: 'string' } },
          'Access-Control-Allow-Headers': { schema: { type: 'string' } },
          'Access-Control-Max-Age': { schema: { type: 'string' } },
        },
      },
    },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 204}' },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: {
          statusCode: '204',
          responseParameters: {
            'method.response.header.Access-Control-Allow-Origin': `'${origins[0] ?? '*'}'`,
            'method.response.header.Access-Control-Allow-Methods': `'${allowMethods}'`,
            'method.response.header.Access-Control-Allow-Headers':
              "'authorization,content-type,x-amz-date,x-amz-security-token,x-api-key,x-concierge-nonce,idempotency-key,x-request-id,traceparent'",
            'method.response.header.Access-Control-Max-Age': "'600'",
          },
        },
      },
    },
  };
}

function forEachOperation(document: OpenApi, visit: (op: OpenApi) => void): void {
  for (const item of Object.values<OpenApi>(document.paths ?? {})) {
    for (const method of methods) if (item[method]) visit(item[method]);
  }
}
