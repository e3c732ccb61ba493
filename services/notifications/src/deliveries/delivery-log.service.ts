// The caller's delivery log: own customer deliveries, newest first, in keyset pages.
import { AppError, parseInput } from '@concierge/platform';
import { z } from 'zod';
import { type Delivery, toDelivery } from './delivery.mapper.js';
import type { DeliveryRepository } from './delivery.repository.js';

const listSchema = z.object({
  channel: z.enum(['email', 'sms', 'webhook']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

// The cursor is the last id shown: ids are UUIDv7, so id order is creation order.
const cursorPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class DeliveryLogService {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async list(userId: string, query: unknown): Promise<{ items: Delivery[]; nextCursor: string | null }> {
    const input = parseInput(listSchema, query, 'query');
    if (input.cursor !== undefined && !cursorPattern.test(input.cursor))
      throw new AppError('invalid', 'The cursor is not one this listing handed out.', {
        code: 'INVALID_CURSOR',
        details: [{ field: 'query.cursor', message: 'unknown or damaged cursor' }],
      });
    const rows = await this.deliveries.listForUser(
      userId,
      {
        ...(input.channel ? { channel: input.channel } : {}),
        ...(input.cursor ? { before: input.cursor } : {}),
      },
      input.limit + 1,
    );
    const shown = rows.slice(0, input.limit);
    const last = shown.at(-1);
    return { items: shown.map(toDelivery), nextCursor: rows.length > input.limit && last ? last.id : null };
  }
}
