// A user's notification preferences as the API shows them.

export interface Preferences {
  email: boolean;
  sms: boolean;
  webhookUrl: string | null;
}

/** What a user who never set anything gets: e-mail on, SMS off, no webhook. */
export const defaultPreferences: Preferences = { email: true, sms: false, webhookUrl: null };
