// JSONL rows: {"text", "intent", "slots": [{"entity", "value", "start", "end"}]} per line.
import type { Dataset, Example } from '../types.js';

/**
 * Reads one labelled example per line.
 * @example
 * importJsonl('{"text":"hi","intent":"greet","slots":[]}\n').examples.length; // 1
 */
export function importJsonl(source: string): Dataset {
  const examples: Example[] = [];
  for (const line of source.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Example;
    examples.push({
      text: row.text,
      intent: row.intent,
      slots: (row.slots ?? []).map(({ entity, value, start, end }) => ({ entity, value, start, end })),
    });
  }
  return { examples };
}
