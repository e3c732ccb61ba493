// Preference rows in `notifications_preference`, one per user who changed the defaults.
import type { Kysely } from 'kysely';
import type { NotificationsDb, NotificationsTables } from '../notifications.tables.js';
import { defaultPreferences, type Preferences } from './preference.types.js';

export class PreferenceRepository {
  constructor(private readonly db: NotificationsDb) {}

  /** The stored preferences or the defaults; `executor` lets a consumer read inside its transaction. */
  async get(userId: string, executor: Kysely<NotificationsTables> = this.db): Promise<Preferences> {
    const row = await executor
      .selectFrom('notifications_preference')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return { ...defaultPreferences };
    return { email: row.email === 1, sms: row.sms === 1, webhookUrl: row.webhook_url };
  }

  async put(userId: string, preferences: Preferences, at: string): Promise<void> {
    const values = {
      email: preferences.email ? 1 : 0,
      sms: preferences.sms ? 1 : 0,
      webhook_url: preferences.webhookUrl,
      updated_at: at,
    };
    await this.db
      .insertInto('notifications_preference')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
  }
}
