// Row types of the identity tables; timestamps are ISO 8601 UTC strings so they sort and compare on SQLite and PostgreSQL alike.

export interface AccountRow {
  id: string;
  email: string;
  email_verified: number;
  password_hash: string | null;
  name: string | null;
  phone: string | null;
  /** JSON array of role names. */
  roles: string;
  created_at: string;
  updated_at: string;
  /** Set while an operator has disabled the account. */
  disabled_at: string | null;
}

export interface CodeRow {
  account_id: string;
  purpose: 'verify' | 'reset';
  code_hash: string;
  expires_at: string;
  attempts: number;
}

export interface RefreshTokenRow {
  id: string;
  family_id: string;
  account_id: string;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface SignInFailureRow {
  /** The normalized e-mail, so unknown addresses are throttled exactly like known ones. */
  email: string;
  failures: number;
  locked_until: string | null;
}

export interface FederatedLinkRow {
  provider: string;
  subject: string;
  account_id: string;
  created_at: string;
}

export interface FederationFlowRow {
  state: string;
  provider: string;
  nonce: string;
  code_verifier: string;
  browser_hash: string;
  expires_at: string;
}

export interface OidcModelRow {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: string | null;
  consumed_at: string | null;
}

export interface IdentityDatabase {
  identity_account: AccountRow;
  identity_code: CodeRow;
  identity_refresh_token: RefreshTokenRow;
  identity_sign_in_failure: SignInFailureRow;
  identity_federated_link: FederatedLinkRow;
  identity_federation_flow: FederationFlowRow;
  identity_oidc_model: OidcModelRow;
}
