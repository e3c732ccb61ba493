// The preference operations of the API contract, one line each.
import { type OperationHandler, ok } from '@concierge/platform';
import { callerId } from '../http/caller-id.js';
import type { PreferenceService } from './preference.service.js';

export function preferenceOperations(preferences: PreferenceService): Record<string, OperationHandler> {
  return {
    getPreferences: async (r) => ok(await preferences.get(callerId(r))),
    updatePreferences: async (r) => ok(await preferences.replace(callerId(r), r.body)),
  };
}
