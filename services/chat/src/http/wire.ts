// Replies in the lecture's message shape, and user text read from it.
import { AppError } from '@concierge/platform';
import type { Reply } from '../dialog/dialog.types.js';
import { plainText } from '../dialog/replies.js';

export interface UnstructuredMessage {
  id?: string;
  text: string;
  timestamp?: string;
}

export interface WireMessage {
  type: 'unstructured' | 'structured';
  unstructured?: UnstructuredMessage;
  structured?: { id?: string; text: string; type: string; payload: unknown; timestamp?: string };
}

export function toWire(reply: Reply, id: string, timestamp: string): WireMessage {
  if (reply.type === 'unstructured')
    return { type: 'unstructured', unstructured: { id, text: reply.text, timestamp } };
  return {
    type: 'structured',
    structured: { id, text: reply.text, type: reply.card, payload: reply.payload, timestamp },
  };
}

/** One text message for clients that show text only (the assignment's endpoint). */
export function asText(replies: Reply[]): string {
  // Cards are numbered, so that "the second one" can be said of them.
  let card = 0;
  const lines = replies.map((r) => {
    if (r.type !== 'structured' || r.card === 'quick_replies') return plainText(r);
    card += 1;
    return `${card}. ${plainText(r)}`;
  });
  const text = lines.join('\n');
  return text.length <= 1000 ? text : `${text.slice(0, 999)}…`;
}

/** The texts of the user's unstructured messages, in order. */
export function userTexts(messages: WireMessage[] | undefined): string[] {
  const texts = (messages ?? []).flatMap((m) =>
    m.type === 'unstructured' && typeof m.unstructured?.text === 'string' ? [m.unstructured.text] : [],
  );
  if (texts.length === 0) {
    throw AppError.invalid('Send at least one unstructured message with text', [
      { field: 'body.messages', message: 'needs an unstructured message' },
    ]);
  }
  return texts;
}

/** The user's message as history keeps it: id and timestamp filled in, text clipped to the contract's length. */
export function userMessage(text: string, id: string, timestamp: string): WireMessage {
  return { type: 'unstructured', unstructured: { id, text: text.slice(0, 1000) || ' ', timestamp } };
}
