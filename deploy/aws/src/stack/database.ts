// Aurora Serverless v2 PostgreSQL behind RDS Proxy: the same SQL store adapter and migrations as the
// distributed mode (docs/decisions/0007-aws-aurora-and-valkey.md).
import { Duration, aws_ec2 as ec2, RemovalPolicy, aws_rds as rds } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Network } from './network.js';

export interface DatabaseProps {
  network: Network;
  /** Aurora capacity units; 0.5 is the smallest that keeps the proxy's connections warm. */
  minCapacity: number;
  maxCapacity: number;
}

export class Database extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly proxy: rds.DatabaseProxy;
  readonly databaseName = 'concierge';

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    const { vpc, data } = props.network;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      writer: rds.ClusterInstance.serverlessV2('writer'),
      serverlessV2MinCapacity: props.minCapacity,
      serverlessV2MaxCapacity: props.maxCapacity,
      credentials: rds.Credentials.fromGeneratedSecret('concierge'),
      defaultDatabaseName: this.databaseName,
      vpc,
      vpcSubnets: isolated,
      securityGroups: [data],
      storageEncrypted: true,
      backup: { retention: Duration.days(7) },
      deletionProtection: false,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    this.proxy = this.cluster.addProxy('Proxy', {
      secrets: [this.cluster.secret!],
      vpc,
      vpcSubnets: isolated,
      securityGroups: [data],
      requireTLS: true,
      borrowTimeout: Duration.seconds(5),
    });
  }
}
