// The conversation on screen, kept while the user moves between pages (and across reloads in the tab):
// messages as the API sends them, the conversation id, and whether the concierge is "typing".
import type { components } from '@concierge/sdk';
import type { Problem } from './problem.js';
import { problemFromException, problemOf } from './problem.js';
import type { SignedIn } from './session.js';
import { store } from './store.js';

export type ProductCard = components['schemas']['ProductCard'];
export type RestaurantCard = components['schemas']['RestaurantCard'];
export type QuickReplies = components['schemas']['QuickReplies'];

export type Entry =
  | { id: string; from: 'me' | 'concierge'; at: string; kind: 'text'; text: string }
  | { id: string; from: 'concierge'; at: string; kind: 'product'; text: string; card: ProductCard }
  | { id: string; from: 'concierge'; at: string; kind: 'restaurant'; text: string; card: RestaurantCard }
  | { id: string; from: 'concierge'; at: string; kind: 'quick_replies'; text: string; replies: QuickReplies };

export interface ChatState {
  entries: Entry[];
  conversationId?: string;
  typing: boolean;
  problem?: Problem;
}

const storageKey = 'concierge.chat';

function restore(): ChatState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as ChatState | null;
    if (saved && Array.isArray(saved.entries)) return { ...saved, typing: false };
  } catch {
    // A damaged copy starts a fresh conversation.
  }
  return { entries: [], typing: false };
}

export const chat$ = store<ChatState>(restore());
chat$.subscribe((state) => {
  const { entries, conversationId } = state;
  sessionStorage.setItem(storageKey, JSON.stringify({ entries: entries.slice(-200), conversationId }));
});

type WireMessage = components['schemas']['Message'];

function toEntry(message: WireMessage, index: number): Entry | undefined {
  const now = new Date().toISOString();
  if (message.type === 'unstructured' && message.unstructured) {
    const u = message.unstructured;
    return {
      id: u.id ?? `m${Date.now()}-${index}`,
      from: 'concierge',
      at: u.timestamp ?? now,
      kind: 'text',
      text: u.text,
    };
  }
  const s = message.structured;
  if (!s) return undefined;
  const base = {
    id: s.id ?? `m${Date.now()}-${index}`,
    from: 'concierge' as const,
    at: s.timestamp ?? now,
    text: s.text,
  };
  if (s.type === 'product') return { ...base, kind: 'product', card: s.payload as ProductCard };
  if (s.type === 'restaurant') return { ...base, kind: 'restaurant', card: s.payload as RestaurantCard };
  return { ...base, kind: 'quick_replies', replies: s.payload as QuickReplies };
}

export async function send(signedIn: SignedIn, text: string): Promise<void> {
  const trimmed = text.trim().slice(0, 1000);
  if (!trimmed || chat$.get().typing) return;
  const at = new Date().toISOString();
  const mine: Entry = {
    id: `u${crypto.randomUUID().slice(0, 18)}`,
    from: 'me',
    at,
    kind: 'text',
    text: trimmed,
  };
  const before = chat$.get();
  chat$.set({ ...before, entries: [...before.entries, mine], typing: true, problem: undefined });
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    const { data, error, response } = await signedIn.api.POST('/v1/nlu', {
      body: {
        messages: [{ type: 'unstructured', unstructured: { id: mine.id, text: trimmed, timestamp: at } }],
        ...(before.conversationId ? { conversationId: before.conversationId } : {}),
        ...(timeZone ? { timeZone } : {}),
      },
    });
    const now = chat$.get();
    if (!data) {
      chat$.set({ ...now, typing: false, problem: problemOf(error, response.status) });
      return;
    }
    const replies = data.messages.map(toEntry).filter((e): e is Entry => e !== undefined);
    chat$.set({ entries: [...now.entries, ...replies], conversationId: data.conversationId, typing: false });
  } catch (err) {
    chat$.set({ ...chat$.get(), typing: false, problem: problemFromException(err) });
  }
}

export function startOver(): void {
  chat$.set({ entries: [], typing: false });
}

/** What the conversation already says about a delivery: the day and who it is for, to prefill checkout. */
export function deliveryHints(entries: Entry[], today: string): { date?: string; recipient?: string } {
  const said = entries
    .filter((e) => e.from === 'me' && e.kind === 'text')
    .map((e) => e.text.toLowerCase())
    .join(' \n ');
  const hints: { date?: string; recipient?: string } = {};
  if (/\btomorrow\b/.test(said)) hints.date = addDays(today, 1);
  else if (/\btoday\b|\btonight\b/.test(said)) hints.date = today;
  const who =
    /\bfor (?:my |our )?(mom|mother|dad|father|wife|husband|sister|brother|grandma|grandmother|friend|daughter|son|partner|boss)\b/.exec(
      said,
    );
  if (who?.[1]) hints.recipient = who[1].charAt(0).toUpperCase() + who[1].slice(1);
  return hints;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) now in `timeZone`. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
