// Rejects a state-changing signed request seen before, across gateway instances through the shared cache.
import { AppError, type Cache } from '@concierge/platform';
import { invalidSignature } from './signature-parts.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ReplayGuard {
  /**
   * Records the signature until `usableUntil`; rejects when it was already recorded. Undefined for a safe
   * method, which is not recorded, so the caller has nothing to wait for.
   */
  check(method: string, signature: string, usableUntil: number, now: number): Promise<void> | undefined;
}

/** Safe methods are not recorded: repeating a GET changes nothing and browsers and SDKs retry them. */
export function createReplayGuard(cache: Cache, prefix = 'sigv4:seen:'): ReplayGuard {
  return {
    check(method, signature, usableUntil, now) {
      return stateChanging.has(method) ? record(signature, usableUntil, now) : undefined;
    },
  };

  async function record(signature: string, usableUntil: number, now: number): Promise<void> {
    let fresh: boolean;
    try {
      fresh = await cache.setIfAbsent(prefix + signature, 1, Math.max(1000, usableUntil - now + 1000));
    } catch (cause) {
      // Fail closed: without the shared record a replay cannot be told from a first request.
      throw new AppError('unavailable', 'Replay protection is unavailable; retry shortly', { cause });
    }
    if (!fresh) {
      throw invalidSignature(
        'This signed request was already received; sign each request anew (x-concierge-nonce)',
        'replayed',
      );
    }
  }
}
