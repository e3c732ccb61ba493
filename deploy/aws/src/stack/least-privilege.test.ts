// The policy check finds what it is meant to find, so the stack test's empty list means something.
import { describe, expect, it } from 'vitest';
import { policyFindings } from './least-privilege.js';

const policy = (statement: object) => ({
  Resources: {
    P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: [statement] } } },
  },
});
const queueArn = { 'Fn::GetAtt': ['Queue', 'Arn'] };

describe('policyFindings', () => {
  it('accepts named actions on named resources', () => {
    expect(
      policyFindings(policy({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: queueArn })),
    ).toEqual([]);
  });

  it('finds wildcard actions, whole-service actions and unscoped resources', () => {
    expect(policyFindings(policy({ Effect: 'Allow', Action: '*', Resource: queueArn }))).toEqual([
      { resource: 'P', problem: 'action *' },
    ]);
    expect(policyFindings(policy({ Effect: 'Allow', Action: 'sqs:*', Resource: queueArn }))).toEqual([
      { resource: 'P', problem: 'action sqs:*' },
    ]);
    expect(policyFindings(policy({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }))).toEqual([
      { resource: 'P', problem: 'resource * for sns:Publish' },
    ]);
    expect(
      policyFindings(
        policy({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-1:123456789012:*',
        }),
      ),
    ).toHaveLength(1);
    expect(policyFindings(policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: queueArn }))).toHaveLength(
      1,
    );
  });

  it('ignores denies and checks inline role policies and managed policies', () => {
    expect(policyFindings(policy({ Effect: 'Deny', Action: '*', Resource: '*' }))).toEqual([]);
    const role = (managed: string[]) => ({
      Resources: {
        R: {
          Type: 'AWS::IAM::Role',
          Properties: {
            ManagedPolicyArns: managed.map((name) => ({
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]],
            })),
            Policies: [
              { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } },
            ],
          },
        },
      },
    });
    expect(
      policyFindings(role(['service-role/AWSLambdaVPCAccessExecutionRole', 'AdministratorAccess'])),
    ).toEqual([
      { resource: 'R', problem: expect.stringContaining('AdministratorAccess') },
      { resource: 'R', problem: 'action s3:*' },
      { resource: 'R', problem: 'resource * for s3:*' },
    ]);
  });
});
