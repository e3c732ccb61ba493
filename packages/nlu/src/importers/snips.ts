// SNIPS benchmark JSON: {"<Intent>": [{"data": [{"text": "...", "entity"?: "..."}]}]}.
import type { Dataset, Example, SlotSpan } from '../types.js';

interface Chunk {
  text: string;
  entity?: string;
}

/**
 * Reads the SNIPS benchmark JSON format.
 * @example
 * importSnips('{"PlayMusic":[{"data":[{"text":"play "},{"text":"Abba","entity":"artist"}]}]}').examples[0].slots;
 * // [{ entity: 'artist', value: 'Abba', start: 5, end: 9 }]
 */
export function importSnips(source: string): Dataset {
  const json = JSON.parse(source) as Record<string, { data: Chunk[] }[]>;
  const examples: Example[] = [];
  for (const [intent, utterances] of Object.entries(json)) {
    for (const u of utterances) {
      let text = '';
      const slots: SlotSpan[] = [];
      for (const chunk of u.data) {
        if (chunk.entity) {
          slots.push({
            entity: chunk.entity,
            value: chunk.text,
            start: text.length,
            end: text.length + chunk.text.length,
          });
        }
        text += chunk.text;
      }
      examples.push({ text, intent, slots });
    }
  }
  return { examples };
}
