// What every channel does: deliver one stored delivery, throwing AppError `invalid` when retrying cannot help.
import type { DeliveryChannel, DeliveryTable } from '../notifications.tables.js';

export interface ChannelSender {
  send(delivery: DeliveryTable): Promise<void>;
}

export type Channels = Record<DeliveryChannel, ChannelSender>;
