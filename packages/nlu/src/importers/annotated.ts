// Inline slot markup shared by the bot YAML and Rasa importers: "[Chelsea](area)", "[NYC](city:New York)",
// '[NYC]{"entity": "city", "value": "New York"}'.
import type { SlotSpan } from '../types.js';

export interface AnnotatedUtterance {
  text: string;
  slots: SlotSpan[];
  /** Surface forms annotated with a canonical value different from the text. */
  synonyms: { entity: string; text: string; value: string }[];
}

const MARKUP = /\[([^\]]+)\](?:\(([^)]+)\)|(\{[^}]*\}))/g;

export function parseAnnotated(source: string): AnnotatedUtterance {
  let text = '';
  let last = 0;
  const slots: SlotSpan[] = [];
  const synonyms: AnnotatedUtterance['synonyms'] = [];
  for (const m of source.matchAll(MARKUP)) {
    text += source.slice(last, m.index);
    last = m.index + m[0].length;
    const surface = m[1]!;
    let entity: string;
    let value: string | undefined;
    if (m[2] !== undefined) {
      const sep = m[2].indexOf(':');
      entity = (sep < 0 ? m[2] : m[2].slice(0, sep)).trim();
      if (sep >= 0) value = m[2].slice(sep + 1).trim();
    } else {
      const meta = JSON.parse(m[3]!) as { entity?: string; value?: unknown };
      entity = String(meta.entity ?? '');
      if (meta.value !== undefined) value = String(meta.value);
    }
    const start = text.length;
    text += surface;
    if (!entity) continue;
    slots.push({ entity, value: surface, start, end: start + surface.length });
    if (value !== undefined && value !== surface) synonyms.push({ entity, text: surface, value });
  }
  text += source.slice(last);
  return { text, slots, synonyms };
}

/** Examples as a YAML list, or as a literal block of "- " lines (Rasa style, no quoting needed). */
export function exampleLines(examples: string | unknown[] | undefined): string[] {
  if (Array.isArray(examples)) return examples.map(String);
  return (examples ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
}
