// Turns templates into annotated training lines: slot values from the vocabulary, casual variants, no duplicates.
import { casualize, type Segment } from './casual.js';
import type { Rng } from './seeded.js';
import * as v from './vocabulary.js';

const surfaces = (terms: v.Term[]) => terms.flatMap((term) => term.synonyms);

/** Tagged placeholders: the entity name and the surfaces it is filled with. */
const tagged: Record<string, { entity: string; known: string[]; unknown?: string[] }> = {
  area: { entity: 'area', known: surfaces(v.areas), unknown: v.unknownAreas },
  cuisine: { entity: 'cuisine', known: surfaces(v.cuisines), unknown: v.unknownCuisines },
  product: { entity: 'product', known: surfaces(v.productKinds) },
  colour: { entity: 'colour', known: surfaces(v.colours) },
  occasion: { entity: 'occasion', known: surfaces(v.occasions) },
  recipient: { entity: 'recipient', known: v.recipients },
  name: { entity: 'product_name', known: v.productNames },
};

/** Untagged placeholders: builtins (dates, party sizes, money, contacts) find these; often left out. */
const plain: Record<string, readonly string[]> = {
  date: v.dates,
  time: v.times,
  party: v.parties,
  budget: v.budgets,
  contact: v.contacts,
};

function fill(template: string, rng: Rng): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    segments.push({ text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const name = match[1]!;
    const slot = tagged[name];
    if (slot) {
      const useUnknown = slot.unknown && rng.chance(0.15);
      segments.push({ text: rng.pick(useUnknown ? slot.unknown! : slot.known), entity: slot.entity });
    } else if (!rng.chance(0.3)) {
      segments.push({ text: rng.pick(plain[name] ?? [name]) });
    }
  }
  segments.push({ text: template.slice(last) });
  return segments;
}

function render(segments: Segment[]): string {
  const text = segments
    .map((s) => (s.entity ? `[${s.text}](${s.entity})` : s.text))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,?!])/g, '$1')
    .replace(/,\s*$/, '')
    .trim();
  return text;
}

/** Up to `count` distinct annotated lines from the templates, the templates themselves first. */
export function expandTemplates(templates: readonly string[], count: number, rng: Rng): string[] {
  const lines = new Set<string>();
  for (let attempt = 0; lines.size < count && attempt < count * 20; attempt++) {
    const template = templates[attempt % templates.length]!;
    const segments = fill(template, rng);
    const line = render(attempt < templates.length ? segments : casualize(segments, rng));
    if (line.length > 0) lines.add(line);
  }
  return [...lines];
}
