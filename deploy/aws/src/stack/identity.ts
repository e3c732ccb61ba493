// Cognito: a user pool (accounts, sign-in, the `operator` group) and an identity pool whose roles may only
// invoke this API's operations — customers the customer operations, operators all of them.
import {
  type aws_apigateway as apigw,
  aws_cognito as cognito,
  Duration,
  aws_iam as iam,
  RemovalPolicy,
  Stack,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** One deployed operation, as the identity pool roles see it. */
export interface InvokableOperation {
  method: string;
  /** OpenAPI path template, `{param}` segments become `*` in the ARN. */
  path: string;
  operatorOnly: boolean;
}

export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly identityPool: cognito.CfnIdentityPool;
  /** Fixed so the functions can recognise operators' credentials without a reference cycle through the API. */
  readonly operatorRoleName: string;
  customerRole?: iam.Role;
  operatorRole?: iam.Role;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.operatorRoleName = `${Stack.of(this).stackName}-operator`;
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: { minLength: 10, requireSymbols: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('Web', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    this.identityPool = new cognito.CfnIdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: false,
      cognitoIdentityProviders: [
        { clientId: this.client.userPoolClientId, providerName: this.userPool.userPoolProviderName },
      ],
    });
  }

  /** Creates the identity pool roles, each allowed `execute-api:Invoke` on exactly the operations it may call. */
  grantInvoke(api: apigw.IRestApi, stage: string, operations: InvokableOperation[]): void {
    const arns = (ops: InvokableOperation[]) =>
      ops.map((op) => api.arnForExecuteApi(op.method, op.path.replace(/\{[^}]+\}/g, '*'), stage));
    this.customerRole = this.role('Customer', undefined);
    this.customerRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['execute-api:Invoke'],
        resources: arns(operations.filter((op) => !op.operatorOnly)),
      }),
    );
    this.operatorRole = this.role('Operator', this.operatorRoleName);
    this.operatorRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['execute-api:Invoke'], resources: arns(operations) }),
    );
    new cognito.CfnUserPoolGroup(this, 'Operators', {
      userPoolId: this.userPool.userPoolId,
      groupName: 'operator',
      description: 'Operators: all orders, the catalog and the dead-letter queues',
      roleArn: this.operatorRole.roleArn,
      precedence: 0,
    });
    new cognito.CfnIdentityPoolRoleAttachment(this, 'Roles', {
      identityPoolId: this.identityPool.ref,
      roles: { authenticated: this.customerRole.roleArn },
      // Members of the `operator` group get its role (the token's cognito:preferred_role); others the customer one.
      roleMappings: {
        users: {
          type: 'Token',
          ambiguousRoleResolution: 'AuthenticatedRole',
          identityProvider: `${this.userPool.userPoolProviderName}:${this.client.userPoolClientId}`,
        },
      },
    });
  }

  private role(id: string, roleName: string | undefined): iam.Role {
    return new iam.Role(this, `${id}Role`, {
      ...(roleName ? { roleName } : {}),
      description: `Concierge ${id.toLowerCase()}s signed in through the identity pool`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.FederatedPrincipal(
        'cognito-identity.amazonaws.com',
        {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': this.identityPool.ref },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
    });
  }
}
