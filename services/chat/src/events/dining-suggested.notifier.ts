// Emits `conversation.dining_suggested`: recorded as a pending delivery first, published when a bus is wired.
import { type EventBus, type EventEnvelope, prefixedId } from '@concierge/platform';
import type { DialogState } from '../dialog/dialog.types.js';
import type { Lexicon } from '../dialog/lexicon.js';
import type { DiningNotifier, DiningSuggestionRef } from '../dialog/turn.types.js';
import type { DiningSearch } from '../recommend/recommend.types.js';
import type { PendingDeliveryRepository } from '../store/pending-delivery.repository.js';

export const diningSuggestedType = 'conversation.dining_suggested';

export interface NotifierDeps {
  pending: PendingDeliveryRepository;
  lexicon: () => Promise<Lexicon>;
  now: () => Date;
  /** Absent until a subscriber (notifications) exists: the events then wait as pending deliveries. */
  events?: EventBus;
  onPublishError?: (error: unknown, event: EventEnvelope) => void;
}

export function diningSuggestedData(
  search: DiningSearch,
  state: DialogState,
  suggestions: DiningSuggestionRef[],
  lexicon: Lexicon,
) {
  const contact = search.email ? { email: search.email } : { phone: search.phone };
  return {
    conversationId: state.conversationId,
    userId: state.userId,
    cuisine: search.cuisine,
    area: lexicon.areaName(search.area),
    date: search.date,
    time: search.time,
    timeZone: search.timeZone,
    partySize: search.partySize,
    ...contact,
    suggestions: suggestions.map((s) => ({ ...s, name: s.name.slice(0, 120) })),
  };
}

/** Publishes one recorded event and marks it; a failure leaves it pending for `publishPending`. */
export async function publishRecorded(deps: NotifierDeps, event: EventEnvelope): Promise<boolean> {
  if (!deps.events) return false;
  try {
    await deps.events.publish(event);
    await deps.pending.markPublished(event.id, deps.now());
    return true;
  } catch (error) {
    deps.onPublishError?.(error, event);
    return false;
  }
}

export function diningSuggestedNotifier(deps: NotifierDeps): DiningNotifier {
  return {
    async suggested(search, state, suggestions) {
      const event: EventEnvelope = {
        id: prefixedId('evt'),
        type: diningSuggestedType,
        version: 1,
        occurredAt: deps.now().toISOString(),
        data: diningSuggestedData(search, state, suggestions, await deps.lexicon()),
      };
      await deps.pending.add(event);
      // Published after the turn has its answer: the recorded row is the promise to deliver, and the publish
      // and its mark would otherwise hold the turn for two more commits. A failed publish stays pending for
      // `publishPending`, and the subscribers deduplicate by event id.
      void publishRecorded(deps, event);
    },
  };
}
