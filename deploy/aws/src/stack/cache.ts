// ElastiCache Serverless (Valkey) for dialog state and locks: the same ioredis cache adapter as the
// distributed mode, over TLS.
import { aws_ec2 as ec2, aws_elasticache as elasticache } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Network } from './network.js';

export class DialogCache extends Construct {
  readonly cache: elasticache.CfnServerlessCache;
  /** `rediss://host:port` for the ioredis adapter. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: { network: Network; name: string }) {
    super(scope, id);
    const subnets = props.network.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    this.cache = new elasticache.CfnServerlessCache(this, 'Cache', {
      serverlessCacheName: props.name,
      engine: 'valkey',
      majorEngineVersion: '8',
      securityGroupIds: [props.network.data.securityGroupId],
      subnetIds: subnets.subnetIds,
      // Dialog state is small and short-lived: cap what a runaway could cost.
      cacheUsageLimits: {
        dataStorage: { maximum: 1, unit: 'GB' },
        ecpuPerSecond: { maximum: 5_000 },
      },
    });
    this.url = `rediss://${this.cache.attrEndpointAddress}:${this.cache.attrEndpointPort}`;
  }
}
