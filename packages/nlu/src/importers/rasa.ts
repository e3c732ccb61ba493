// Rasa NLU YAML (3.x): intents with inline-annotated examples, synonyms and lookup tables.
import { parse } from 'yaml';
import type { Dataset, Example } from '../types.js';
import { parseAnnotated } from './annotated.js';
import { GazetteerBuilder } from './gazetteers.js';

interface RasaItem {
  intent?: string;
  synonym?: string;
  lookup?: string;
  examples?: string | string[];
}

/** Rasa writes examples as a literal block of "- " lines; lists are accepted too. */
function lines(examples: RasaItem['examples']): string[] {
  if (Array.isArray(examples)) return examples.map(String);
  return (examples ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
}

export function importRasa(source: string): Dataset {
  const doc = parse(source) as { nlu?: RasaItem[] };
  const examples: Example[] = [];
  const gazetteers = new GazetteerBuilder();
  const synonyms = new Map<string, string[]>();
  const lookups = new Map<string, string[]>();
  for (const item of doc.nlu ?? []) {
    if (item.intent) {
      for (const line of lines(item.examples)) {
        const u = parseAnnotated(line);
        examples.push({ text: u.text, intent: item.intent, slots: u.slots });
        for (const s of u.slots) gazetteers.add(s.entity, s.value);
        for (const s of u.synonyms) gazetteers.add(s.entity, s.value, [s.text]);
      }
    } else if (item.synonym) synonyms.set(item.synonym, lines(item.examples));
    else if (item.lookup) lookups.set(item.lookup, lines(item.examples));
  }
  for (const [name, values] of lookups) for (const v of values) gazetteers.add(name, v);
  // Rasa synonyms are not tied to an entity; attach them to every entity that uses the value.
  const built = gazetteers.build() ?? {};
  for (const [value, surfaces] of synonyms) {
    for (const entries of Object.values(built)) {
      const hit = entries.find((e) => e.value === value);
      if (hit) hit.synonyms = [...new Set([...(hit.synonyms ?? []), ...surfaces])];
    }
  }
  return Object.keys(built).length ? { examples, gazetteers: built } : { examples };
}
