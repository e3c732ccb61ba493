// One Lambda function per service (plus the consumers and the migration), all from the esbuild bundles of
// deploy/aws/bundle.mjs, in the VPC, with a log group of their own and only the permissions each needs.
import path from 'node:path';
import {
  type Duration,
  aws_ec2 as ec2,
  type aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Network } from './network.js';

export interface FunctionSpec {
  /** Bundle folder under the code directory (`gateway`, `catalog`, `orders`, …). */
  bundle: string;
  /** Exported handler of the bundle's index.mjs. */
  handler: string;
  memoryMb: number;
  timeout: Duration;
  description: string;
  environment?: Record<string, string>;
}

export interface ServiceFunctionsProps {
  network: Network;
  /** Folder holding one sub-folder per bundle, each with an index.mjs. */
  codeDir: string;
  /** Variables every function gets (database, cache, topic…). */
  environment: Record<string, string>;
}

export class ServiceFunctions extends Construct {
  readonly functions = new Map<string, lambda.Function>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ServiceFunctionsProps,
  ) {
    super(scope, id);
  }

  add(id: string, spec: FunctionSpec): lambda.Function {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const fn = new lambda.Function(this, id, {
      description: spec.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(path.join(this.props.codeDir, spec.bundle)),
      handler: `index.${spec.handler}`,
      memorySize: spec.memoryMb,
      timeout: spec.timeout,
      logGroup,
      vpc: this.props.network.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.props.network.functions],
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...this.props.environment,
        ...spec.environment,
      },
    });
    this.functions.set(id, fn);
    return fn;
  }

  /** Adds a statement to every function's role (e.g. reading the database secret). */
  grantAll(statement: iam.PolicyStatement): void {
    for (const fn of this.functions.values()) fn.addToRolePolicy(statement);
  }
}
