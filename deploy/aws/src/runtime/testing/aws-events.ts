// Lambda events in the shapes AWS sends them (API Gateway REST proxy, SQS), built field for field after the
// samples of the Lambda and API Gateway developer guides, so handlers are tested against what they receive.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, Context, SQSRecord } from 'aws-lambda';

const accountId = '123456789012';
const region = 'us-east-1';
const userPool = 'us-east-1_Ab12Cd34E';
export const identityPoolId = 'us-east-1:9a1b2c3d-1111-2222-3333-444455556666';

export type Principal =
  | { kind: 'anonymous' }
  /** Identity-pool credentials signed with SigV4 (the IAM authorizer). */
  | { kind: 'iam'; sub: string; role: string }
  /** A Cognito user pool ID token (the Cognito authorizer). */
  | { kind: 'cognito'; sub: string; email: string; groups?: string };

export interface RestEventInput {
  method: string;
  /** The concrete path, e.g. `/v1/orders/ord_1`. */
  path: string;
  /** The resource template, e.g. `/v1/orders/{orderId}`. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  principal?: Principal;
  apiKeyId?: string;
}

export function restEvent(input: RestEventInput): APIGatewayProxyEvent {
  const principal = input.principal ?? { kind: 'anonymous' };
  const body = input.body === undefined ? null : JSON.stringify(input.body);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    'User-Agent': 'aws-sdk-js/3',
    'X-Amzn-Trace-Id': 'Root=1-67891233-abcdef012345678912345678',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...(principal.kind === 'iam'
      ? {
          Authorization: `AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261127/${region}/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`,
          'X-Amz-Date': '20261127T120000Z',
          'X-Amz-Security-Token': 'IQoJb3JpZ2luX2VjEXAMPLE',
        }
      : {}),
    ...(principal.kind === 'cognito' ? { Authorization: 'eyJraWQiOiJFWEFNUExFIn0.e30.c2ln' } : {}),
    ...input.headers,
  };
  const query = input.query ?? null;
  return {
    resource: input.resource,
    path: input.path,
    httpMethod: input.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters: query
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: input.pathParameters ?? null,
    stageVariables: null,
    requestContext: {
      accountId,
      apiId: 'a1b2c3d4e5',
      authorizer:
        principal.kind === 'cognito'
          ? {
              claims: {
                sub: principal.sub,
                email: principal.email,
                email_verified: 'true',
                'cognito:username': principal.sub,
                ...(principal.groups ? { 'cognito:groups': principal.groups } : {}),
                iss: `https://cognito-idp.${region}.amazonaws.com/${userPool}`,
                aud: '5example0clientid0example',
                token_use: 'id',
                auth_time: '1795780800',
                exp: 'Fri Nov 27 13:00:00 UTC 2026',
                iat: 'Fri Nov 27 12:00:00 UTC 2026',
              },
            }
          : null,
      domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      extendedRequestId: 'Ab1CdEfGhIjKlM=',
      httpMethod: input.method,
      identity: {
        accessKey: principal.kind === 'iam' ? 'ASIAEXAMPLE' : null,
        accountId: principal.kind === 'iam' ? accountId : null,
        apiKey: input.apiKeyId ? 'k3y-value-redacted' : null,
        apiKeyId: input.apiKeyId ?? null,
        caller: principal.kind === 'iam' ? `AROAEXAMPLE:CognitoIdentityCredentials` : null,
        clientCert: null,
        cognitoAuthenticationProvider:
          principal.kind === 'iam'
            ? `cognito-idp.${region}.amazonaws.com/${userPool},cognito-idp.${region}.amazonaws.com/${userPool}:CognitoSignIn:${principal.sub}`
            : null,
        cognitoAuthenticationType: principal.kind === 'iam' ? 'authenticated' : null,
        cognitoIdentityId:
          principal.kind === 'iam'
            ? `${region}:0f0e0d0c-aaaa-bbbb-cccc-${principal.sub.slice(-12).padStart(12, '0')}`
            : null,
        cognitoIdentityPoolId: principal.kind === 'iam' ? identityPoolId : null,
        principalOrgId: null,
        sourceIp: '203.0.113.7',
        user: principal.kind === 'iam' ? `AROAEXAMPLE:CognitoIdentityCredentials` : null,
        userAgent: 'aws-sdk-js/3',
        userArn:
          principal.kind === 'iam'
            ? `arn:aws:sts::${accountId}:assumed-role/${principal.role}/CognitoIdentityCredentials`
            : null,
      },
      path: `/prod${input.path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: '27/Nov/2026:12:00:00 +0000',
      requestTimeEpoch: Date.now(),
      resourceId: 'abc123',
      resourcePath: input.resource,
      stage: 'prod',
    },
    body,
    isBase64Encoded: false,
  };
}

export interface SqsRecordInput {
  body: string;
  attributes?: Record<string, string>;
  receiveCount?: number;
  queueName?: string;
}

/** One record of an SQS event as the Lambda event source mapping delivers it. */
export function sqsRecord(input: SqsRecordInput): SQSRecord {
  const sent = Date.now() - 1_000;
  return {
    messageId: randomUUID(),
    receiptHandle: `AQEB${randomUUID().replaceAll('-', '')}`,
    body: input.body,
    attributes: {
      ApproximateReceiveCount: String(input.receiveCount ?? 1),
      SentTimestamp: String(sent),
      SenderId: 'AROAEXAMPLE:Concierge-ordersHttp',
      ApproximateFirstReceiveTimestamp: String(sent + 200),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(input.attributes ?? {}).map(([name, value]) => [
        name,
        { stringValue: value, stringListValues: [], binaryListValues: [], dataType: 'String' },
      ]),
    ),
    md5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:${accountId}:${input.queueName ?? 'Concierge-OrdersPlaced'}`,
    awsRegion: region,
  };
}

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/27/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
