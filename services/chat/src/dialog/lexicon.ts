// What the catalog offers (its facets) with the names people use: resolves "UES" to `upper-east-side`.
import * as vocabulary from '../nlu/training/vocabulary.js';
import { kindFamilies } from '../recommend/product.recommender.js';
import type { RestaurantInfo } from '../recommend/recommend.types.js';
import { AliasTable, fold, type Resolution, rememberLast } from './aliases.js';
import { editDistance } from './fuzzy.js';

export interface Facets {
  cuisines: string[];
  areas: string[];
  tags: string[];
}

const flowerWords = [
  'flowers',
  'flower',
  'a bunch of flowers',
  'bunch of flowers',
  'some flowers',
  'blooms',
  'floral',
];

/** How people describe an occasion without naming it ("a friend who's sick"); not used in training. */
const occasionWords: Record<string, string[]> = {
  'get-well': ['sick', 'ill', 'unwell', 'in hospital', 'in the hospital', 'surgery', 'get well soon'],
  sympathy: ['passed away', 'died', 'grieving', 'loss', 'memorial', 'bereavement'],
  'new-baby': ['had a baby', 'baby', 'newborn baby', 'new mom'],
  congratulations: [
    'new job',
    'graduated',
    'graduating',
    'engagement',
    'engaged',
    'well done',
    'promoted',
    'got promoted',
    'retirement',
    'retiring',
    'retired',
    'housewarming',
    'house warming',
    'new home',
    'new house',
    'new apartment',
  ],
  'thank-you': ['appreciation', 'to thank', 'as a thank you'],
  anniversary: ['wedding anniversary', 'years together'],
  birthday: ['turning'],
};

/** Foods the catalog has no cuisine for, and the cuisine it has that comes closest. */
const nearCuisineWords = [
  {
    value: 'mediterranean',
    synonyms: [
      'greek',
      'turkish',
      'lebanese',
      'middle eastern',
      'israeli',
      'moroccan',
      'spanish',
      'tapas',
      'falafel',
    ],
  },
  {
    value: 'american',
    synonyms: ['steakhouse', 'steak', 'bbq', 'barbecue', 'burgers', 'burger', 'diner', 'southern'],
  },
  { value: 'japanese', synonyms: ['ramen', 'izakaya', 'omakase'] },
  { value: 'chinese', synonyms: ['dim sum', 'dumplings', 'szechuan', 'cantonese'] },
  { value: 'mexican', synonyms: ['tacos', 'burritos', 'tex mex'] },
  { value: 'indian', synonyms: ['curry', 'tandoori', 'pakistani'] },
  { value: 'italian', synonyms: ['pasta', 'trattoria'] },
  { value: 'french', synonyms: ['bistro', 'brasserie'] },
  { value: 'korean', synonyms: ['kbbq', 'korean bbq', 'korean barbecue'] },
];

/** Plurals and other words for a kind that training does not use. */
const kindWords: Record<string, string[]> = {
  plant: ['plants', 'houseplants', 'potted plants', 'succulent', 'succulents'],
  'gift-basket': ['gift baskets', 'baskets', 'hampers'],
  bouquet: ['bouquets', 'arrangements'],
  chocolates: ['sweets', 'candy'],
};

const kindNames: Record<string, string> = {
  bouquet: 'bouquets',
  plant: 'plants',
  'gift-basket': 'gift baskets',
};

const titleCase = (slug: string) => slug.replace(/-/g, ' ').replace(/\b[a-z]/g, (c) => c.toUpperCase());

const values = (terms: vocabulary.Term[], tags: string[]) =>
  terms.map((t) => t.value).filter((v) => tags.includes(v));

export class Lexicon {
  readonly areas: AliasTable;
  readonly cuisines: AliasTable;
  readonly kinds: AliasTable;
  readonly colours: AliasTable;
  readonly occasions: AliasTable;
  private readonly otherAreas: AliasTable;
  private readonly nearCuisines: AliasTable;
  /** Restaurants by the first word of their folded name ("le" → "le petit etoile" → …): a turn looks up only
   * the names that start with a word of the message. */
  private readonly restaurants = new Map<string, [name: string, r: RestaurantInfo][]>();
  /** Every restaurant by its folded name, one-word names too, for names said in part or misspelt. */
  private readonly everyRestaurant: [name: string, r: RestaurantInfo][] = [];

  constructor(
    readonly facets: Facets,
    restaurants: readonly RestaurantInfo[] = [],
  ) {
    for (const r of restaurants) {
      const name = fold(r.name);
      this.everyRestaurant.push([name, r]);
      // A one-word name ("Nobu") would be found in too many ordinary sentences.
      if (!name.includes(' ')) continue;
      const first = name.slice(0, name.indexOf(' '));
      this.restaurants.set(first, [...(this.restaurants.get(first) ?? []), [name, r]]);
    }
    this.areas = new AliasTable(facets.areas, vocabulary.areas);
    this.cuisines = new AliasTable(facets.cuisines, vocabulary.cuisines);
    // "Flowers" is a kind of its own, standing for every cut-flower tag (see kindFamilies), not "bouquet".
    const kindTerms = [
      ...vocabulary.productKinds.map((k) => ({
        value: k.value,
        synonyms: [...k.synonyms.filter((s) => !flowerWords.includes(s)), ...(kindWords[k.value] ?? [])],
      })),
      { value: 'flowers', synonyms: flowerWords },
    ];
    const families = Object.keys(kindFamilies).filter((f) =>
      kindFamilies[f]!.some((tag) => facets.tags.includes(tag)),
    );
    this.kinds = new AliasTable([...values(kindTerms, facets.tags), ...families], kindTerms);
    this.colours = new AliasTable(values(vocabulary.colours, facets.tags), vocabulary.colours);
    const occasionTerms = vocabulary.occasions.map((o) => ({
      value: o.value,
      synonyms: [...o.synonyms, ...(occasionWords[o.value] ?? [])],
    }));
    this.occasions = new AliasTable(values(occasionTerms, facets.tags), occasionTerms);
    // A place the catalog gains later is one of its areas, not "another" one.
    const covered = new Set(facets.areas.map((a) => fold(a.replace(/-/g, ' '))));
    const others = vocabulary.otherNeighbourhoods.filter((n) => !covered.has(fold(n)));
    this.otherAreas = new AliasTable(others, []);
    this.nearCuisines = new AliasTable(
      nearCuisineWords.map((t) => t.value).filter((c) => facets.cuisines.includes(c)),
      nearCuisineWords,
    );
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

  /** A New York place the catalog does not cover, named anywhere in `text` ("the East Village"). */
  findOtherArea(text: string): string | undefined {
    return this.otherAreas.find(text);
  }

  findCuisine(text: string): string | undefined {
    return this.cuisines.find(text);
  }

  /** The restaurant named in `text` by its whole name, the longest if several are ("book Pizzeria Luna"). */
  readonly findRestaurant = rememberLast((text: string) => this.searchRestaurant(text));

  private searchRestaurant(text: string): RestaurantInfo | undefined {
    if (this.restaurants.size === 0) return undefined;
    const folded = fold(text);
    const padded = ` ${folded} `;
    let best: [name: string, r: RestaurantInfo] | undefined;
    for (const word of new Set(folded.split(' '))) {
      for (const [name, r] of this.restaurants.get(word) ?? []) {
        if (name.length > (best?.[0].length ?? 0) && padded.includes(` ${name} `)) best = [name, r];
      }
    }
    return best?.[1];
  }

  /**
   * Restaurants whose name holds every word of `phrase` ("luna" → Casa Luna, Pizzeria Luna …), or failing that
   * the one whose whole name is nearest to it within a few letters ("kimchee garden" → Kimchi Garden), as
   * `near`. For a name said that `findRestaurant` does not know as a whole.
   */
  restaurantsLike(phrase: string): { sharing: RestaurantInfo[]; near?: RestaurantInfo } {
    const words = fold(phrase).split(' ').filter(Boolean);
    if (words.length === 0) return { sharing: [] };
    const all = this.everyRestaurant;
    const sharing = all
      .filter(([name]) => words.every((w) => ` ${name} `.includes(` ${w} `)))
      .map(([, r]) => r);
    if (sharing.length > 0) return { sharing };
    const said = words.join(' ');
    const limit = said.length <= 8 ? 1 : said.length <= 14 ? 2 : 3;
    let near: [distance: number, r: RestaurantInfo] | undefined;
    for (const [name, r] of all) {
      if (Math.abs(name.length - said.length) > limit) continue;
      const distance = editDistance(said, name);
      if (distance <= limit && distance < (near?.[0] ?? Number.POSITIVE_INFINITY)) near = [distance, r];
    }
    return near ? { sharing: [], near: near[1] } : { sharing: [] };
  }

  /** The cuisine the catalog has that is closest to one it lacks ("greek" → mediterranean). */
  nearCuisine(text: string): string | undefined {
    return this.nearCuisines.find(text);
  }

  areaName(slug: string): string {
    return vocabulary.areas.find((t) => t.value === slug)?.synonyms[0] ?? titleCase(slug);
  }

  cuisineName(slug: string): string {
    return titleCase(slug);
  }

  /** The colours products come in, as people say them ("colourful" for `mixed`). */
  colourNames(): string[] {
    return vocabulary.colours
      .filter((c) => this.facets.tags.includes(c.value))
      .map((c) => (c.value === 'mixed' ? 'colourful' : c.value));
  }

  /** "red roses", "flowers", "gift baskets": how a kind reads in a sentence. */
  kindName(kind: string): string {
    return kindNames[kind] ?? kind.replace(/-/g, ' ');
  }

  tagName(tag: string): string {
    return vocabulary.occasions.find((t) => t.value === tag)?.synonyms[0] ?? tag.replace(/-/g, ' ');
  }
}
