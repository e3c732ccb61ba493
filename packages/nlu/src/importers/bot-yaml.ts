// Concierge bot YAML: intents with inline-annotated examples plus entity values and synonyms.
import { parse } from 'yaml';
import type { Dataset, Example } from '../types.js';
import { exampleLines, parseAnnotated } from './annotated.js';
import { GazetteerBuilder } from './gazetteers.js';

type EntityValue = string | { value: string; synonyms?: string[] };

interface BotYaml {
  out_of_scope_intent?: string;
  intents?: Record<string, { examples?: string | string[] } | string[]>;
  entities?: Record<string, { values?: EntityValue[] } | EntityValue[]>;
}

/**
 * Reads the Concierge bot YAML format (see the package README).
 * @example
 * importBotYaml('intents:\n  greet: [hello]\n  book: ["table in [Soho](area)"]').examples[1].slots;
 * // [{ entity: 'area', value: 'Soho', start: 9, end: 13 }]
 */
export function importBotYaml(source: string): Dataset {
  const doc = (parse(source) ?? {}) as BotYaml;
  const examples: Example[] = [];
  const gazetteers = new GazetteerBuilder();
  for (const [intent, def] of Object.entries(doc.intents ?? {})) {
    const utterances = exampleLines(Array.isArray(def) ? def : def?.examples);
    for (const line of utterances) {
      const u = parseAnnotated(String(line));
      examples.push({ text: u.text, intent, slots: u.slots });
      for (const s of u.synonyms) gazetteers.add(s.entity, s.value, [s.text]);
    }
  }
  for (const [entity, def] of Object.entries(doc.entities ?? {})) {
    const values = Array.isArray(def) ? def : (def?.values ?? []);
    for (const v of values) {
      if (typeof v === 'string') gazetteers.add(entity, v);
      else gazetteers.add(entity, v.value, v.synonyms ?? []);
    }
  }
  const dataset: Dataset = { examples };
  const built = gazetteers.build();
  if (built) dataset.gazetteers = built;
  const oos =
    doc.out_of_scope_intent ?? (doc.intents && 'out_of_scope' in doc.intents ? 'out_of_scope' : undefined);
  if (oos) dataset.outOfScopeIntent = oos;
  return dataset;
}
