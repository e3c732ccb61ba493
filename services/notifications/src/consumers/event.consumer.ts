// Turns one consumed event into deliveries and a live update, exactly once per event id.
import { type EventEnvelope, precompile } from '@concierge/platform';
import type { DeliveryEnqueuer } from '../deliveries/delivery.enqueuer.js';
import type { DeliveryRepository } from '../deliveries/delivery.repository.js';
import type { DiningSuggested, OrderEventData } from '../events/event-data.types.js';
import type { LiveHub } from '../live/live-hub.js';
import type { LiveLogRepository } from '../live/live-log.repository.js';
import type { NotificationsDb } from '../notifications.tables.js';
import type { PreferenceRepository } from '../preferences/preference.repository.js';
import { planDeliveries } from './delivery-plan.js';

export interface EventConsumerDeps {
  db: NotificationsDb;
  deliveries: DeliveryRepository;
  preferences: PreferenceRepository;
  liveLog: LiveLogRepository;
  hub: LiveHub;
  enqueuer: DeliveryEnqueuer;
  operatorEmail: string | undefined;
  newId: () => string;
  now: () => Date;
}

const consumerName = 'notifications';

/**
 * The processed-event row, the deliveries and the live log entry commit together, so a redelivered
 * event finds its id taken and creates nothing. Enqueueing follows the commit (the deliveries just
 * created, without reading them back) and runs on redelivery too, reading what is still unqueued, which
 * finishes the job if the first run died between the two.
 */
export function eventConsumer(deps: EventConsumerDeps) {
  // Once per event: compiled once.
  const claim = precompile(['event_id', 'processed_at'], (p) =>
    deps.db
      .insertInto('notifications_processed_event')
      .values({ event_id: p.event_id, consumer: consumerName, processed_at: p.processed_at })
      .onConflict((oc) => oc.columns(['event_id', 'consumer']).doNothing()),
  );
  return async (event: EventEnvelope<OrderEventData | DiningSuggested>): Promise<void> => {
    const at = deps.now().toISOString();
    const userId = event.data.userId;
    const created = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx.executeQuery(claim({ event_id: event.id, processed_at: at }));
      if (Number(claimed.numAffectedRows ?? 0n) === 0) return undefined;
      const preferences = await deps.preferences.get(userId, trx);
      const rows = planDeliveries(event, {
        preferences,
        operatorEmail: deps.operatorEmail,
        newId: deps.newId,
        at,
      });
      await deps.deliveries.insert(trx, rows);
      await deps.liveLog.append(trx, userId, event, at);
      return rows.map((r) => r.id);
    });
    if (created) {
      deps.hub.notify(userId);
      await deps.enqueuer.enqueueCreated(created);
    } else await deps.enqueuer.enqueue(event.id);
  };
}
