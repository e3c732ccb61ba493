// Rasa NLU YAML (3.x): intents with inline-annotated examples, synonyms and lookup tables.
import { parse } from 'yaml';
import type { Dataset, Example } from '../types.js';
import { exampleLines, parseAnnotated } from './annotated.js';
import { GazetteerBuilder } from './gazetteers.js';

interface RasaItem {
  intent?: string;
  synonym?: string;
  lookup?: string;
  examples?: string | string[];
}

/**
 * Reads Rasa NLU YAML (3.x): intents, synonyms and lookup tables.
 * @example
 * importRasa('version: "3.1"\nnlu:\n  - intent: greet\n    examples: |\n      - hi\n').examples;
 * // [{ text: 'hi', intent: 'greet', slots: [] }]
 */
export function importRasa(source: string): Dataset {
  const doc = parse(source) as { nlu?: RasaItem[] };
  const examples: Example[] = [];
  const gazetteers = new GazetteerBuilder();
  const synonyms = new Map<string, string[]>();
  const lookups = new Map<string, string[]>();
  for (const item of doc.nlu ?? []) {
    if (item.intent) {
      for (const line of exampleLines(item.examples)) {
        const u = parseAnnotated(line);
        examples.push({ text: u.text, intent: item.intent, slots: u.slots });
        for (const s of u.slots) gazetteers.add(s.entity, s.value);
        for (const s of u.synonyms) gazetteers.add(s.entity, s.value, [s.text]);
      }
    } else if (item.synonym) synonyms.set(item.synonym, exampleLines(item.examples));
    else if (item.lookup) lookups.set(item.lookup, exampleLines(item.examples));
  }
  for (const [name, values] of lookups) for (const v of values) gazetteers.add(name, v);
  // Rasa synonyms map surface forms to a value for any entity; attach them where the entity uses them.
  const built = gazetteers.build() ?? {};
  for (const [value, surfaces] of synonyms) {
    const forms = new Set([value, ...surfaces]);
    for (const [entity, entries] of Object.entries(built)) {
      if (!entries.some((e) => forms.has(e.value))) continue;
      const kept = entries.filter((e) => !forms.has(e.value));
      const merged = entries
        .filter((e) => forms.has(e.value))
        .flatMap((e) => [e.value, ...(e.synonyms ?? [])]);
      const syns = [...new Set([...surfaces, ...merged])].filter((x) => x !== value);
      built[entity] = [...kept, { value, synonyms: syns }];
    }
  }
  return Object.keys(built).length ? { examples, gazetteers: built } : { examples };
}
