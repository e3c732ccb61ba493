// Reading and replacing the caller's own notification preferences.
import { parseInput } from '@concierge/platform';
import type { PreferenceRepository } from './preference.repository.js';
import { preferencesSchema } from './preference.schemas.js';
import type { Preferences } from './preference.types.js';

export class PreferenceService {
  constructor(
    private readonly preferences: PreferenceRepository,
    private readonly now: () => Date,
  ) {}

  get(userId: string): Promise<Preferences> {
    return this.preferences.get(userId);
  }

  async replace(userId: string, body: unknown): Promise<Preferences> {
    const input = parseInput(preferencesSchema, body, 'body');
    await this.preferences.put(userId, input, this.now().toISOString());
    return this.preferences.get(userId);
  }
}
