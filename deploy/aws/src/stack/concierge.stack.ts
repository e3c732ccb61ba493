// The whole AWS deployment of Concierge in one stack: network, database, cache, queues and topic, Cognito,
// the functions, the API and the web app.
import {
  aws_certificatemanager as acm,
  aws_apigateway as apigw,
  CfnOutput,
  Duration,
  aws_events as events,
  aws_events_targets as eventTargets,
  aws_iam as iam,
  aws_route53 as route53,
  aws_route53_targets as route53Targets,
  Stack,
  type StackProps,
  aws_secretsmanager as secretsmanager,
  aws_lambda_event_sources as sources,
  triggers,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ConciergeApi } from './api.js';
import { type AuthMode, deployedServices, type OpenApi } from './api-definition.js';
import { DialogCache } from './cache.js';
import { Database } from './database.js';
import { type FunctionSpec, ServiceFunctions } from './functions.js';
import { Identity } from './identity.js';
import { Messaging } from './messaging.js';
import { Network } from './network.js';
import { WebSite } from './web.js';

export interface DomainOptions {
  /** Where people open the app, e.g. `concierge.example.com`; the API answers at `api.<domainName>`. */
  domainName: string;
  hostedZoneId: string;
  zoneName: string;
}

export interface ConciergeStackProps extends StackProps {
  /** The parsed api/openapi.yaml. */
  apiDocument: OpenApi;
  /** Folder of the Lambda bundles (deploy/aws/dist/lambda). */
  codeDir: string;
  /** Folder of the web app. */
  webDir: string;
  auth?: AuthMode;
  requireApiKey?: boolean;
  domain?: DomainOptions;
  operatorEmail?: string;
  operatorPhone?: string;
  /** Sender of order e-mails: an SES-verified address. */
  mailFrom?: string;
}

const stageName = 'prod';
const consumerTimeout = Duration.seconds(30);

export class ConciergeStack extends Stack {
  constructor(scope: Construct, id: string, props: ConciergeStackProps) {
    super(scope, id, props);
    const domain = props.domain ? this.domain(props.domain) : undefined;
    const network = new Network(this, 'Network');
    const database = new Database(this, 'Database', { network, minCapacity: 0.5, maxCapacity: 4 });
    const cache = new DialogCache(this, 'DialogCache', {
      network,
      name: `${this.stackName.toLowerCase()}-dialog`,
    });
    const messaging = new Messaging(this, 'Messaging', {
      consumerTimeout,
      maxReceiveCount: 5,
      ...(props.operatorEmail ? { operatorEmail: props.operatorEmail } : {}),
      ...(props.operatorPhone ? { operatorPhone: props.operatorPhone } : {}),
    });
    const identity = new Identity(this, 'Identity');
    const web = new WebSite(this, 'Web', { webDir: props.webDir, ...(domain ? { domain } : {}) });

    const webhookSecret = new secretsmanager.Secret(this, 'WebhookKey', {
      description: 'Signs the webhooks Concierge sends',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const functions = new ServiceFunctions(this, 'Functions', {
      network,
      codeDir: props.codeDir,
      environment: {
        APP_DB_HOST: database.proxy.endpoint,
        APP_DB_NAME: database.databaseName,
        APP_DB_SECRET_ARN: database.cluster.secret!.secretArn,
        APP_CACHE_URL: cache.url,
        APP_EVENTS_TOPIC_ARN: messaging.events.topicArn,
        APP_ORDERS_QUEUE_URL: messaging.ordersPlaced.queue.queueUrl,
        APP_ORDERS_DLQ_URL: messaging.ordersPlaced.dlq.queueUrl,
        APP_DELIVERIES_QUEUE_URL: messaging.notificationDeliveries.queue.queueUrl,
        APP_DELIVERIES_DLQ_URL: messaging.notificationDeliveries.dlq.queueUrl,
        APP_NOTIFICATION_EVENTS_DLQ_URL: messaging.notificationEvents.dlq.queueUrl,
        APP_WEBHOOK_SECRET_ARN: webhookSecret.secretArn,
        APP_OPERATOR_ROLE: identity.operatorRoleName,
        APP_CORS_ORIGINS: web.url,
        APP_MAIL_FROM: props.mailFrom ?? '',
      },
    });
    const http = (service: string, memoryMb: number): FunctionSpec => ({
      bundle: service,
      handler: 'http',
      memoryMb,
      timeout: Duration.seconds(10),
      description: `Concierge ${service}: API operations`,
    });
    const memory: Record<string, number> = { chat: 1024, orders: 512, catalog: 512 };
    const services = deployedServices(props.apiDocument);
    const httpFunctions = Object.fromEntries(
      services.map((service) => [
        service,
        functions.add(`${service}Http`, http(service, memory[service] ?? 256)),
      ]),
    );
    const consumer = (bundle: string, handler: string, description: string): FunctionSpec => ({
      bundle,
      handler,
      memoryMb: 512,
      timeout: consumerTimeout,
      description,
    });
    const ordersWorker = functions.add(
      'ordersWorker',
      consumer('orders', 'worker', 'Concierge orders: the payment worker on orders.placed'),
    );
    const ordersRelay = functions.add(
      'ordersRelay',
      consumer('orders', 'relay', 'Concierge orders: sweeps outbox rows a crashed invocation left'),
    );
    const notificationEvents = functions.add(
      'notificationsEvents',
      consumer('notifications', 'events', 'Concierge notifications: turns order events into deliveries'),
    );
    const notificationDeliveries = functions.add(
      'notificationsDeliveries',
      consumer('notifications', 'deliveries', 'Concierge notifications: sends e-mails, SMS and webhooks'),
    );
    const migrate = functions.add('migrate', {
      bundle: 'migrate',
      handler: 'migrate',
      memoryMb: 256,
      timeout: Duration.minutes(5),
      description: 'Concierge: applies every service migration after each deployment',
    });

    // Each function gets exactly what it uses.
    for (const fn of functions.functions.values()) database.cluster.secret!.grantRead(fn);
    for (const fn of [httpFunctions.orders, ordersWorker, ordersRelay]) {
      if (!fn) continue;
      messaging.ordersPlaced.queue.grantSendMessages(fn);
      messaging.events.grantPublish(fn);
    }
    if (httpFunctions.chat) messaging.events.grantPublish(httpFunctions.chat);
    messaging.ordersPlaced.dlq.grantSendMessages(ordersWorker);
    messaging.notificationDeliveries.queue.grantSendMessages(notificationEvents);
    messaging.notificationDeliveries.dlq.grantSendMessages(notificationDeliveries);
    messaging.notificationEvents.dlq.grantSendMessages(notificationEvents);
    for (const fn of [notificationEvents, notificationDeliveries, httpFunctions.notifications]) {
      if (fn) webhookSecret.grantRead(fn);
    }
    if (props.mailFrom) {
      notificationDeliveries.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            this.formatArn({
              service: 'ses',
              resource: 'identity',
              resourceName: senderDomain(props.mailFrom),
            }),
          ],
        }),
      );
    }
    const batch = { batchSize: 10, reportBatchItemFailures: true, maxBatchingWindow: Duration.seconds(1) };
    ordersWorker.addEventSource(new sources.SqsEventSource(messaging.ordersPlaced.queue, batch));
    notificationEvents.addEventSource(new sources.SqsEventSource(messaging.notificationEvents.queue, batch));
    notificationDeliveries.addEventSource(
      new sources.SqsEventSource(messaging.notificationDeliveries.queue, batch),
    );
    new events.Rule(this, 'RelaySweep', {
      description: 'Delivers outbox rows an interrupted invocation left behind',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new eventTargets.LambdaFunction(ordersRelay, { retryAttempts: 2 })],
    });
    new triggers.Trigger(this, 'MigrateOnDeploy', {
      handler: migrate,
      executeAfter: [database.cluster, database.proxy],
      executeOnHandlerChange: true,
    });

    const api = new ConciergeApi(this, 'Api', {
      document: props.apiDocument,
      functions: httpFunctions,
      auth: props.auth ?? 'iam',
      userPoolArn: identity.userPool.userPoolArn,
      requireApiKey: props.requireApiKey ?? false,
      corsOrigins: [web.url],
      stageName,
      throttle: { rateLimit: 100, burstLimit: 200 },
    });
    identity.grantInvoke(api.api, stageName, api.operations);
    const apiUrl = domain ? this.apiDomain(api, domain, props.domain!) : api.api.urlForPath('/');

    web.publish(
      {
        apiUrl,
        region: this.region,
        auth: props.auth ?? 'iam',
        userPoolId: identity.userPool.userPoolId,
        userPoolClientId: identity.client.userPoolClientId,
        identityPoolId: identity.identityPool.ref,
      },
      props.webDir,
    );
    new CfnOutput(this, 'WebUrl', { value: web.url });
    new CfnOutput(this, 'ApiUrl', { value: apiUrl });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'IdentityPoolId', { value: identity.identityPool.ref });
    new CfnOutput(this, 'OrdersDeadLetterQueue', { value: messaging.ordersPlaced.dlq.queueUrl });
  }

  private domain(options: DomainOptions) {
    if (this.region !== 'us-east-1') {
      throw new Error(
        `a domain needs the stack in us-east-1, where CloudFront reads certificates (this stack: ${this.region})`,
      );
    }
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: options.hostedZoneId,
      zoneName: options.zoneName,
    });
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: options.domainName,
      subjectAlternativeNames: [`api.${options.domainName}`],
      validation: acm.CertificateValidation.fromDns(zone),
    });
    return { domainName: options.domainName, zone, certificate };
  }

  private apiDomain(
    api: ConciergeApi,
    domain: ReturnType<ConciergeStack['domain']>,
    options: DomainOptions,
  ): string {
    const name = `api.${options.domainName}`;
    const custom = api.api.addDomainName('Domain', {
      domainName: name,
      certificate: domain.certificate,
      endpointType: apigw.EndpointType.REGIONAL,
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    });
    new route53.ARecord(this, 'ApiAlias', {
      zone: domain.zone,
      recordName: name,
      target: route53.RecordTarget.fromAlias(new route53Targets.ApiGatewayDomain(custom)),
    });
    return `https://${name}/`;
  }
}

/** The SES identity a sender address belongs to: its domain (`Concierge <orders@example.com>` → example.com). */
function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1];
  if (!domain) throw new Error(`mailFrom must be an e-mail address, not ${from}`);
  return domain;
}
