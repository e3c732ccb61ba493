// SQS work queues (each with its DLQ) and the SNS topic every domain event goes to.
import { Duration, aws_sns as sns, aws_sqs as sqs, aws_sns_subscriptions as subs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface MessagingProps {
  /** The longest a consuming function may run; the queues' visibility timeout is six times that. */
  consumerTimeout: Duration;
  /** Deliveries before a message moves to its DLQ. */
  maxReceiveCount: number;
  /** Operators get every order event by e-mail / SMS when given. */
  operatorEmail?: string;
  operatorPhone?: string;
}

export interface WorkQueue {
  queue: sqs.Queue;
  dlq: sqs.Queue;
}

export class Messaging extends Construct {
  /** `orders.placed`: the payment worker's work items. */
  readonly ordersPlaced: WorkQueue;
  /** Order and conversation events for the notifications consumer (an SQS subscription of the topic). */
  readonly notificationEvents: WorkQueue;
  /** `notifications.deliver`: e-mails, SMS and webhooks to send. */
  readonly notificationDeliveries: WorkQueue;
  readonly events: sns.Topic;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const workQueue = (name: string): WorkQueue => {
      const dlq = new sqs.Queue(this, `${name}Dlq`, {
        retentionPeriod: Duration.days(14),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      const queue = new sqs.Queue(this, name, {
        visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * 6),
        retentionPeriod: Duration.days(4),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        deadLetterQueue: { queue: dlq, maxReceiveCount: props.maxReceiveCount },
      });
      return { queue, dlq };
    };
    this.ordersPlaced = workQueue('OrdersPlaced');
    this.notificationEvents = workQueue('NotificationEvents');
    this.notificationDeliveries = workQueue('NotificationDeliveries');
    this.events = new sns.Topic(this, 'Events', { displayName: 'Concierge events', enforceSSL: true });
    this.events.addSubscription(
      new subs.SqsSubscription(this.notificationEvents.queue, {
        rawMessageDelivery: true,
        deadLetterQueue: this.notificationEvents.dlq,
        filterPolicy: {
          type: sns.SubscriptionFilter.stringFilter({
            allowlist: [
              'order.placed',
              'order.confirmed',
              'order.failed',
              'order.cancelled',
              'conversation.dining_suggested',
            ],
          }),
        },
      }),
    );
    const orderEvents = {
      type: sns.SubscriptionFilter.stringFilter({ allowlist: ['order.confirmed', 'order.failed'] }),
    };
    if (props.operatorEmail) {
      this.events.addSubscription(
        new subs.EmailSubscription(props.operatorEmail, { filterPolicy: orderEvents }),
      );
    }
    if (props.operatorPhone) {
      this.events.addSubscription(
        new subs.SmsSubscription(props.operatorPhone, { filterPolicy: orderEvents }),
      );
    }
  }
}
