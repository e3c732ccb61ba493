// The functions' settings, read once from the variables the stack sets (APP_*) and checked at cold start.

export interface FunctionEnv {
  region: string;
  dbHost: string;
  dbName: string;
  dbSecretArn: string;
  cacheUrl: string;
  eventsTopicArn: string;
  ordersQueueUrl: string;
  ordersDlqUrl: string;
  deliveriesQueueUrl: string;
  deliveriesDlqUrl: string;
  notificationEventsDlqUrl: string;
  /** Secrets Manager secret whose value signs webhooks. */
  webhookSecretArn: string;
  operatorRole: string;
  corsOrigins: string[];
  mailFrom: string;
  /** Where the bundle lies (the function's code folder). */
  codeDir: string;
}

export function readFunctionEnv(env: NodeJS.ProcessEnv = process.env): FunctionEnv {
  const missing: string[] = [];
  const need = (name: string): string => {
    const value = env[name];
    if (!value) missing.push(name);
    return value ?? '';
  };
  const settings: FunctionEnv = {
    region: need('AWS_REGION'),
    dbHost: need('APP_DB_HOST'),
    dbName: need('APP_DB_NAME'),
    dbSecretArn: need('APP_DB_SECRET_ARN'),
    cacheUrl: need('APP_CACHE_URL'),
    eventsTopicArn: need('APP_EVENTS_TOPIC_ARN'),
    ordersQueueUrl: need('APP_ORDERS_QUEUE_URL'),
    ordersDlqUrl: need('APP_ORDERS_DLQ_URL'),
    deliveriesQueueUrl: need('APP_DELIVERIES_QUEUE_URL'),
    deliveriesDlqUrl: need('APP_DELIVERIES_DLQ_URL'),
    notificationEventsDlqUrl: need('APP_NOTIFICATION_EVENTS_DLQ_URL'),
    webhookSecretArn: need('APP_WEBHOOK_SECRET_ARN'),
    operatorRole: need('APP_OPERATOR_ROLE'),
    corsOrigins: (env.APP_CORS_ORIGINS ?? '').split(',').filter(Boolean),
    mailFrom: env.APP_MAIL_FROM || 'Concierge <no-reply@concierge.invalid>',
    codeDir: env.LAMBDA_TASK_ROOT ?? process.cwd(),
  };
  if (missing.length > 0) throw new Error(`missing function settings: ${missing.join(', ')}`);
  return settings;
}
