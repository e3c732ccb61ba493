// The in-process event bus against the shared contract, plus its pattern rules.
import { describe, expect, it } from 'vitest';
import { eventBusContract } from '../testing/index.js';
import { createMemoryEventBus } from './memory-event-bus.js';

eventBusContract('memory', async (onHandlerError) => ({
  bus: createMemoryEventBus({ onHandlerError }),
  dispose: async () => {},
}));

describe('memory event bus', () => {
  it('rejects patterns with a wildcard anywhere but the last segment', () => {
    const bus = createMemoryEventBus({ onHandlerError: () => {} });
    for (const bad of ['order*', '*.placed', 'a.*.b', ''])
      expect(() => bus.subscribe(bad, async () => {})).toThrow('invalid event pattern');
  });

  it('resolves publish only after every subscriber has settled', async () => {
    const bus = createMemoryEventBus({ onHandlerError: () => {} });
    let done = false;
    bus.subscribe('slow', async () => {
      await new Promise((r) => setTimeout(r, 30));
      done = true;
    });
    await bus.publish({ id: '1', type: 'slow', version: 1, occurredAt: '', data: null });
    expect(done).toBe(true);
  });
});
