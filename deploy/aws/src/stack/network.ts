// The VPC the functions, the database and the cache share: functions in private subnets with one NAT gateway
// for outside calls (payment processor, SMTP), the database and cache in isolated subnets.
import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  /** Functions' security group: the only one the database proxy and the cache accept. */
  readonly functions: ec2.SecurityGroup;
  readonly data: ec2.SecurityGroup;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'functions', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
    this.functions = new ec2.SecurityGroup(this, 'Functions', {
      vpc: this.vpc,
      description: 'Concierge functions',
      allowAllOutbound: true,
    });
    this.data = new ec2.SecurityGroup(this, 'Data', {
      vpc: this.vpc,
      description: 'Concierge database proxy and cache; reachable from the functions only',
      allowAllOutbound: false,
    });
    this.data.addIngressRule(this.functions, ec2.Port.tcp(5432), 'PostgreSQL from the functions');
    this.data.addIngressRule(this.functions, ec2.Port.tcp(6379), 'Valkey from the functions');
    this.data.addIngressRule(this.data, ec2.Port.tcp(5432), 'RDS Proxy to the Aurora cluster');
    this.data.addEgressRule(this.data, ec2.Port.tcp(5432), 'RDS Proxy to the Aurora cluster');
  }
}
