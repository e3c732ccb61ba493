// The chat service's migration history.
import type { ServiceMigrations } from '@concierge/platform';
import { chatSchema } from './0001_chat.js';

export const chatMigrations: ServiceMigrations = { service: 'chat', migrations: { '0001_chat': chatSchema } };
