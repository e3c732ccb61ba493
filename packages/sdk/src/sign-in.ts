// Password sign-in: the tokens it returns become a session that refreshes itself and yields SigV4 credentials.
import createClient from 'openapi-fetch';
import type { paths } from './generated/api.js';
import { createSession, type Session, type SessionOptions } from './session.js';

export type SignInOptions = Omit<SessionOptions, 'baseUrl' | 'tokens'>;

/**
 * Signs in with e-mail and password.
 * @example
 * const session = await signIn('https://concierge.example', 'demo@concierge.local', 'Concierge-demo-1');
 * const client = createConciergeClient({ baseUrl, auth: { kind: 'sigv4', session } });
 */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<Session> {
  const api = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const { data, error, response } = await api.POST('/v1/auth/signin', { body: { email, password } });
  if (!data) {
    const detail = (error as { message?: string } | undefined)?.message ?? response.statusText;
    throw new Error(`Sign-in failed (${response.status}): ${detail}`);
  }
  return createSession({ ...options, baseUrl, tokens: data });
}
