// What the catalog offers (its facets) with the names people use: resolves "UES" to `upper-east-side`.
import * as vocabulary from '../nlu/training/vocabulary.js';
import { AliasTable, type Resolution } from './aliases.js';

export interface Facets {
  cuisines: string[];
  areas: string[];
  tags: string[];
}

const titleCase = (slug: string) => slug.replace(/-/g, ' ').replace(/\b[a-z]/g, (c) => c.toUpperCase());

const values = (terms: vocabulary.Term[], tags: string[]) =>
  terms.map((t) => t.value).filter((v) => tags.includes(v));

export class Lexicon {
  readonly areas: AliasTable;
  readonly cuisines: AliasTable;
  readonly kinds: AliasTable;
  readonly colours: AliasTable;
  readonly occasions: AliasTable;

  constructor(readonly facets: Facets) {
    this.areas = new AliasTable(facets.areas, vocabulary.areas);
    this.cuisines = new AliasTable(facets.cuisines, vocabulary.cuisines);
    this.kinds = new AliasTable(values(vocabulary.productKinds, facets.tags), vocabulary.productKinds);
    this.colours = new AliasTable(values(vocabulary.colours, facets.tags), vocabulary.colours);
    this.occasions = new AliasTable(values(vocabulary.occasions, facets.tags), vocabulary.occasions);
  }

  resolveArea(raw: string): Resolution {
    return this.areas.resolve(raw);
  }

  resolveCuisine(raw: string): Resolution {
    return this.cuisines.resolve(raw);
  }

  /** A known area named anywhere in `text` (answers such as "chelsea please"). */
  findArea(text: string): string | undefined {
    return this.areas.find(text);
  }

  findCuisine(text: string): string | undefined {
    return this.cuisines.find(text);
  }

  areaName(slug: string): string {
    return vocabulary.areas.find((t) => t.value === slug)?.synonyms[0] ?? titleCase(slug);
  }

  cuisineName(slug: string): string {
    return titleCase(slug);
  }

  tagName(tag: string): string {
    return vocabulary.occasions.find((t) => t.value === tag)?.synonyms[0] ?? tag.replace(/-/g, ' ');
  }
}
