// The OpenAPI 3.1 contract becomes a document API Gateway imports: integrations, authorizers, CORS, what is left out.
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../runtime/testing/document.js';
import { apiDefinition, deployedServices } from './api-definition.js';

const options = {
  integrationUri: (service: string) => `uri:${service}`,
  auth: 'iam' as const,
  userPoolArn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Ab12Cd34E',
  requireApiKey: false,
  corsOrigins: ['https://concierge.example.com'],
};

describe('apiDefinition', () => {
  it('routes each operation to its service function and keeps only path parameters', () => {
    const { definition } = apiDefinition(loadDocument(), options);
    const getOrder = definition.paths['/v1/orders/{orderId}'].get;
    expect(getOrder['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: 'uri:orders',
      passthroughBehavior: 'when_no_match',
    });
    expect(getOrder.parameters).toEqual([
      { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(definition.paths['/v1/nlu'].post['x-amazon-apigateway-integration'].uri).toBe('uri:chat');
    expect(JSON.stringify(definition)).not.toContain('$ref');
  });

  it('leaves out what Cognito replaces and what a Lambda proxy cannot stream, saying why', () => {
    const { definition, skipped } = apiDefinition(loadDocument(), options);
    expect(definition.paths['/v1/auth/signin']).toBeUndefined();
    expect(definition.paths['/v1/events/stream']).toBeUndefined();
    expect(skipped.find((s) => s.operationId === 'streamEvents')?.reason).toMatch(/server-sent events/);
    expect(skipped.find((s) => s.operationId === 'signIn')?.reason).toMatch(/Cognito/);
    expect(deployedServices(loadDocument())).toEqual([
      'catalog',
      'chat',
      'gateway',
      'notifications',
      'orders',
    ]);
  });

  it('answers CORS preflights without a function, for the web app origin', () => {
    const { definition } = apiDefinition(loadDocument(), options);
    const preflight = definition.paths['/v1/checkout'].options;
    const headers = preflight['x-amazon-apigateway-integration'].responses.default.responseParameters;
    expect(preflight.security).toEqual([]);
    expect(headers['method.response.header.Access-Control-Allow-Origin']).toBe(
      "'https://concierge.example.com'",
    );
    expect(headers['method.response.header.Access-Control-Allow-Methods']).toBe("'POST,OPTIONS'");
    expect(headers['method.response.header.Access-Control-Allow-Headers']).toContain('x-amz-security-token');
  });

  it('picks one authorizer per method: SigV4 or Cognito, open where anonymous calls are allowed', () => {
    const iam = apiDefinition(loadDocument(), options).definition;
    expect(iam.paths['/v1/checkout'].post.security).toEqual([{ sigv4: [] }]);
    expect(iam.paths['/v1/products'].get.security).toEqual([]);
    const cognito = apiDefinition(loadDocument(), {
      ...options,
      auth: 'cognito',
      requireApiKey: true,
    }).definition;
    expect(cognito.paths['/v1/checkout'].post.security).toEqual([{ cognito: [], api_key: [] }]);
    expect(cognito.paths['/v1/products'].get.security).toEqual([{ api_key: [] }]);
    expect(cognito.components.securitySchemes.cognito['x-amazon-apigateway-authorizer'].providerARNs).toEqual(
      [options.userPoolArn],
    );
  });
});
