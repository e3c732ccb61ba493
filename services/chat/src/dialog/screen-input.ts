// Messages the concierge should not try to understand: too long, binary-looking or mostly emoji.

export const maxMessageLength = 1000;

export type Screening =
  | { ok: true; text: string }
  | { ok: false; reason: 'too_long' | 'binary' | 'emoji' | 'empty' };

// Control characters other than tab and newlines, lone surrogates and the replacement character.
const binary = /(?![\t\n\r])[\p{Cc}\p{Cs}\ufffd]/gu;
const pictographs = /\p{Extended_Pictographic}/gu;

export function screen(raw: string): Screening {
  if (raw.length > maxMessageLength) return { ok: false, reason: 'too_long' };
  const binaryCount = raw.match(binary)?.length ?? 0;
  if (binaryCount > 0 && binaryCount * 20 >= raw.length) return { ok: false, reason: 'binary' };
  const text = raw.replace(binary, ' ').replace(/\s+/g, ' ').trim();
  const emoji = text.match(pictographs)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (emoji >= 5 && emoji > letters / 2) return { ok: false, reason: 'emoji' };
  if (text.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, text };
}

export const screeningReplies: Record<Exclude<Screening, { ok: true }>['reason'], string> = {
  too_long: `That message is too long for me (up to ${maxMessageLength} characters). Could you say it in a sentence or two?`,
  binary: "I couldn't read that message. Could you type it as plain text?",
  emoji: 'Lovely emoji! Could you tell me in words what you are looking for?',
  empty: 'Could you tell me what you are looking for?',
};
