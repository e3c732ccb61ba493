// Every migration the deployed services need, for the migrate function.
import { catalogMigrations } from '@concierge/catalog';
import { chatMigrations } from '@concierge/chat';
import { notificationsMigrations } from '@concierge/notifications';
import { createSandboxProcessor, ordersMigrations } from '@concierge/orders';
import type { ServiceMigrations } from '@concierge/platform';
import type { ServiceContext } from './context.js';

/** Every migration the deployed services need (identity's accounts live in Cognito on AWS). */
export function allMigrations(ctx: Pick<ServiceContext, 'store'>): ServiceMigrations[] {
  return [
    catalogMigrations,
    chatMigrations,
    createSandboxProcessor({ store: ctx.store }).migrations,
    ordersMigrations,
    notificationsMigrations,
  ];
}
