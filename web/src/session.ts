// Who is signed in: the tokens (kept in localStorage so a reload stays signed in), the SDK session that
// exchanges them for temporary credentials and refreshes both silently, and the SigV4-signing client.
import {
  type ConciergeClient,
  type components,
  createConciergeClient,
  createSession,
  type Session,
  type Tokens,
} from '@concierge/sdk';
import { store } from './store.js';

export type User = components['schemas']['User'];

export interface AppConfig {
  region: string;
  /** Outside OpenID Connect providers to offer on the sign-in page. */
  providers: { name: string; label?: string }[];
}

export interface SignedIn {
  user: User;
  api: ConciergeClient;
  /** A client without the 30-second deadline, for the live event stream. */
  streamApi: ConciergeClient;
  session: Session;
}

const storageKey = 'concierge.tokens';
const baseUrl = window.location.origin;

export const config$ = store<AppConfig>({ region: 'us-east-1', providers: [] });
export const auth$ = store<SignedIn | null>(null);
/** Calls that need no credentials: sign-up, sign-in, the public catalog. */
export const publicApi = createConciergeClient({ baseUrl, auth: { kind: 'none' } });

interface SavedTokens {
  tokens: Tokens;
  expiresAt: number;
}

function save(tokens: Tokens): void {
  const saved: SavedTokens = { tokens, expiresAt: Date.now() + tokens.expiresIn * 1000 };
  localStorage.setItem(storageKey, JSON.stringify(saved));
}

function load(): Tokens | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as SavedTokens | null;
    if (!saved?.tokens?.idToken) return undefined;
    const left = Math.floor((saved.expiresAt - Date.now()) / 1000);
    // An expired ID token is fine: the session refreshes it with the refresh token before the first call.
    return { ...saved.tokens, expiresIn: Math.max(1, left) };
  } catch {
    return undefined;
  }
}

/** Starts a session from tokens: exchanges them for SigV4 credentials and reads the profile with them. */
export async function begin(tokens: Tokens): Promise<SignedIn> {
  save(tokens);
  const session = createSession({ baseUrl, tokens, onTokens: save });
  const region = config$.get().region;
  const api = createConciergeClient({ baseUrl, auth: { kind: 'sigv4', session }, region });
  const streamApi = createConciergeClient({
    baseUrl,
    auth: { kind: 'sigv4', session },
    region,
    timeoutMs: 12 * 3600_000,
  });
  const { data, error } = await api.GET('/v1/me');
  if (!data) throw new Error(error?.message ?? 'Could not load your profile');
  const signedIn = { user: data, api, streamApi, session };
  auth$.set(signedIn);
  return signedIn;
}

async function loadConfig(): Promise<void> {
  try {
    const response = await fetch('/app-config.json', { signal: AbortSignal.timeout(5000) });
    if (response.ok) config$.set({ ...config$.get(), ...((await response.json()) as Partial<AppConfig>) });
  } catch {
    // A static deployment without the file keeps the defaults.
  }
}

/** Tokens an outside provider's sign-in left in the URL fragment (`#idToken=…`), removed from the address bar. */
function tokensFromFragment(): Tokens | undefined {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const idToken = fragment.get('idToken');
  const accessToken = fragment.get('accessToken');
  if (!idToken || !accessToken) return undefined;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const refreshToken = fragment.get('refreshToken');
  return {
    idToken,
    accessToken,
    ...(refreshToken ? { refreshToken } : {}),
    expiresIn: Number(fragment.get('expiresIn') ?? 3600),
    tokenType: 'Bearer',
  };
}

export async function restoreSession(): Promise<void> {
  await loadConfig();
  const tokens = tokensFromFragment() ?? load();
  if (!tokens) return;
  try {
    await begin(tokens);
  } catch {
    localStorage.removeItem(storageKey);
  }
}

export async function signOut(): Promise<void> {
  const saved = load();
  auth$.set(null);
  localStorage.removeItem(storageKey);
  sessionStorage.clear();
  if (saved?.refreshToken) {
    await publicApi.POST('/v1/auth/signout', { body: { refreshToken: saved.refreshToken } }).catch(() => {});
  }
}

export function hasRole(signedIn: SignedIn | null, role: 'operator' | 'customer'): boolean {
  return signedIn?.user.roles.includes(role) ?? false;
}
