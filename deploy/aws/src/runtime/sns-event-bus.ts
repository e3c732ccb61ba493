// Events port over SNS for the publishing side: one topic, the event type as a message attribute so
// subscriptions filter on it. Subscribers are SNS subscriptions declared in the stack, not `subscribe` calls.
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { EventBus, EventEnvelope } from '@concierge/platform';

export interface SnsEventBusOptions {
  client: SNSClient;
  topicArn: string;
}

export function createSnsEventBus(options: SnsEventBusOptions): EventBus {
  return {
    async publish<T>(event: EventEnvelope<T>) {
      await options.client.send(
        new PublishCommand({
          TopicArn: options.topicArn,
          Message: JSON.stringify(event),
          MessageAttributes: {
            type: { DataType: 'String', StringValue: event.type },
            'event-id': { DataType: 'String', StringValue: event.id },
          },
        }),
      );
    },
    subscribe() {
      throw new Error(
        'on AWS, subscribers are SNS subscriptions of the events topic (deploy/aws messaging.ts)',
      );
    },
    async close() {
      options.client.destroy();
    },
  };
}
