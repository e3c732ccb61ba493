// Public surface of the identity service.
export * from './accounts/account.repository.js';
export * from './accounts/account.service.js';
export * from './accounts/identity.migrations.js';
export * from './accounts/identity.module.js';
export * from './accounts/lockout.js';
export * from './accounts/password.hasher.js';
export * from './accounts/session.service.js';
export * from './oidc/cookie-keys.js';
export * from './oidc/login.page.js';
export * from './oidc/oidc.adapter.js';
export * from './oidc/oidc.plugin.js';
export * from './oidc/oidc.provider.js';
export * from './oidc/signing-keys.js';
export * from './oidc/token.issuer.js';
