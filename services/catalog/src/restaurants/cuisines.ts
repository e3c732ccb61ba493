// The cuisines the catalog has artwork for; other cuisines are allowed and get the placeholder image.
export const cuisines = [
  'american',
  'chinese',
  'french',
  'indian',
  'italian',
  'japanese',
  'korean',
  'mediterranean',
  'mexican',
  'thai',
] as const;

export type Cuisine = (typeof cuisines)[number];

export function cuisineImage(cuisine: string): string {
  return (cuisines as readonly string[]).includes(cuisine)
    ? `/images/cuisines/${cuisine}.svg`
    : '/images/cuisines/placeholder.svg';
}
