// Reads every IAM policy of a synthesized template and reports what is not least privilege: `*` or
// `service:*` actions, resources that are `*` (or a whole service), and managed policies beyond the two
// AWS ones Lambda needs.

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation template JSON
type Json = any;

export interface PolicyFinding {
  resource: string;
  problem: string;
}

/** Actions AWS offers no resource-level permission for; `*` is the only resource they accept. */
export const actionsWithoutResources = new Set<string>(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

/** Managed policies allowed on roles, and why. */
export const allowedManagedPolicies: Record<string, string> = {
  AWSLambdaBasicExecutionRole:
    'log streams and events of the function (CreateLogGroup is unused: the stack makes the group)',
  AWSLambdaVPCAccessExecutionRole:
    'the network interfaces of a function in a VPC (ec2:Describe* has no resource-level permission)',
};

export function policyFindings(template: Json): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  for (const [id, resource] of Object.entries<Json>(template.Resources ?? {})) {
    const documents: Json[] = [];
    if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
      documents.push(resource.Properties.PolicyDocument);
    }
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of resource.Properties.Policies ?? []) documents.push(policy.PolicyDocument);
      for (const arn of resource.Properties.ManagedPolicyArns ?? []) {
        const name = managedPolicyName(arn);
        if (!name || !(name in allowedManagedPolicies)) {
          findings.push({ resource: id, problem: `managed policy ${JSON.stringify(arn)} is not allowed` });
        }
      }
    }
    for (const document of documents) {
      for (const statement of [document.Statement].flat()) {
        if (statement.Effect !== 'Allow') continue;
        findings.push(...statementFindings(id, statement));
      }
    }
  }
  return findings;
}

function statementFindings(id: string, statement: Json): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const actions: string[] = [statement.Action].flat();
  if (statement.NotAction || statement.NotResource) {
    findings.push({ resource: id, problem: 'NotAction/NotResource grants everything else' });
  }
  for (const action of actions) {
    if (action === '*' || /^[a-z0-9-]+:\*$/i.test(action))
      findings.push({ resource: id, problem: `action ${action}` });
  }
  for (const resource of [statement.Resource].flat()) {
    if (resource === '*') {
      const open = actions.filter((a) => !actionsWithoutResources.has(a));
      if (open.length > 0) findings.push({ resource: id, problem: `resource * for ${open.join(', ')}` });
    } else if (typeof resource === 'string' && /^arn:[^:]*:[^:]+:[^:]*:[^:]*:\*$/.test(resource)) {
      findings.push({ resource: id, problem: `resource ${resource} covers a whole service` });
    }
  }
  return findings;
}

function managedPolicyName(arn: Json): string | undefined {
  const text = JSON.stringify(arn);
  return /:iam::aws:policy\/(?:service-role\/)?([A-Za-z0-9]+)/.exec(text)?.[1];
}
