// IAM policy documents as JSON, and the facts about one request that conditions test.

export type OneOrMany<T> = T | T[];

export type ConditionBlock = Record<string, Record<string, OneOrMany<string | boolean | number>>>;

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: OneOrMany<Statement>;
}

/** One request in IAM's terms; `context` holds condition keys such as `aws:SourceIp` (any letter case). */
export interface AuthorizationRequest {
  action: string;
  resource: string;
  context: Record<string, string | undefined>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
