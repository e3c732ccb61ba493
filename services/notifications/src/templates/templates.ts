// The customer template of each consumed event type.
import type { ConsumedEventType } from '../events/event-data.types.js';
import { diningSuggestedTemplate } from './dining-suggested.template.js';
import type { Template } from './message.types.js';
import { orderCancelledTemplate } from './order-cancelled.template.js';
import { orderConfirmedTemplate } from './order-confirmed.template.js';
import { orderFailedTemplate } from './order-failed.template.js';
import { orderPlacedTemplate } from './order-placed.template.js';

// biome-ignore lint/suspicious/noExplicitAny: each template reads the data of its own event type
export const customerTemplates: Record<ConsumedEventType, Template<any>> = {
  'order.placed': orderPlacedTemplate,
  'order.confirmed': orderConfirmedTemplate,
  'order.failed': orderFailedTemplate,
  'order.cancelled': orderCancelledTemplate,
  'conversation.dining_suggested': diningSuggestedTemplate,
};
