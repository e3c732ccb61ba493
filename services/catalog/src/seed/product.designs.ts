// The florist's range the demo sells: each design names its kind, colours and occasions.

export type ProductKind =
  | 'roses'
  | 'tulips'
  | 'lilies'
  | 'orchids'
  | 'sunflowers'
  | 'bouquet'
  | 'plant'
  | 'chocolates'
  | 'gift-basket'
  | 'balloons';

export type Colour = 'red' | 'pink' | 'white' | 'yellow' | 'purple' | 'mixed';

export interface ProductDesign {
  name: string;
  kind: ProductKind;
  colours: Colour[];
  occasions: string[];
  /** A fixed price in dollars, where the range needs its ends; otherwise the kind's band decides. */
  dollars?: number;
}

const d = (name: string, kind: ProductKind, colours: Colour[], occasions: string[], dollars?: number) =>
  dollars === undefined ? { name, kind, colours, occasions } : { name, kind, colours, occasions, dollars };

export const productDesigns: ProductDesign[] = [
  d('Classic Dozen Red Roses', 'roses', ['red'], ['anniversary', 'valentines']),
  d('Two Dozen Red Roses', 'roses', ['red'], ['anniversary', 'valentines'], 149),
  d('Blushing Pink Roses', 'roses', ['pink'], ['mothers-day', 'birthday']),
  d('Pure White Roses', 'roses', ['white'], ['sympathy', 'anniversary']),
  d('Sunshine Yellow Roses', 'roses', ['yellow'], ['birthday', 'get-well']),
  d('Lavender Rose Bouquet', 'roses', ['purple'], ['birthday', 'anniversary']),
  d('Red and White Rose Duet', 'roses', ['red', 'white'], ['anniversary']),
  d('Rainbow Roses', 'roses', ['mixed'], ['birthday', 'congratulations']),
  d('Red Tulip Bunch', 'tulips', ['red'], ['valentines']),
  d('Pink Tulip Bouquet', 'tulips', ['pink'], ['mothers-day', 'thank-you']),
  d('White Tulips in a Vase', 'tulips', ['white'], ['sympathy']),
  d('Yellow Tulip Bunch', 'tulips', ['yellow'], ['get-well']),
  d('Purple Tulip Bouquet', 'tulips', ['purple'], ['birthday']),
  d('Spring Tulip Medley', 'tulips', ['mixed'], ['birthday', 'thank-you']),
  d('White Lily Arrangement', 'lilies', ['white'], ['sympathy']),
  d('Stargazer Lily Bouquet', 'lilies', ['pink'], ['birthday', 'congratulations']),
  d('Golden Lily Bunch', 'lilies', ['yellow'], ['congratulations']),
  d('Pink Lily and Rose Bouquet', 'lilies', ['pink'], ['mothers-day']),
  d('Peaceful White Lilies', 'lilies', ['white'], ['sympathy']),
  d('White Phalaenopsis Orchid', 'orchids', ['white'], ['thank-you', 'congratulations']),
  d('Purple Orchid Plant', 'orchids', ['purple'], ['birthday']),
  d('Pink Orchid Duo', 'orchids', ['pink'], ['mothers-day']),
  d('Orchid Elegance', 'orchids', ['white', 'purple'], ['anniversary']),
  d('Mini Purple Orchid', 'orchids', ['purple'], ['thank-you'], 29),
  d('Sunflower Sunshine Bunch', 'sunflowers', ['yellow'], ['get-well', 'thank-you']),
  d('Sunflowers and Daisies', 'sunflowers', ['yellow', 'white'], ['birthday']),
  d('Grand Sunflower Bouquet', 'sunflowers', ['yellow'], ['congratulations']),
  d('Sunflower Mason Jar', 'sunflowers', ['yellow'], ['thank-you']),
  d('Garden Party Bouquet', 'bouquet', ['mixed'], ['birthday']),
  d('Pastel Dreams Bouquet', 'bouquet', ['pink', 'white', 'purple'], ['new-baby', 'mothers-day']),
  d('Bright and Bold Bouquet', 'bouquet', ['red', 'yellow'], ['birthday', 'congratulations']),
  d('Sympathy Lilies and Roses', 'bouquet', ['white'], ['sympathy']),
  d('Welcome Baby Bouquet', 'bouquet', ['white', 'yellow'], ['new-baby']),
  d('Thank You Bouquet', 'bouquet', ['mixed'], ['thank-you']),
  d('Get Well Soon Bouquet', 'bouquet', ['yellow'], ['get-well']),
  d('Wildflower Bouquet', 'bouquet', ['mixed'], ['birthday', 'thank-you']),
  d('Valentine Deluxe Bouquet', 'bouquet', ['red', 'pink'], ['valentines', 'anniversary'], 249),
  d('Mothers Day Classic Bouquet', 'bouquet', ['pink'], ['mothers-day']),
  d('Peace Lily Plant', 'plant', ['white'], ['sympathy', 'get-well']),
  d('Succulent Trio', 'plant', ['mixed'], ['thank-you', 'birthday']),
  d('Snake Plant', 'plant', ['yellow'], ['congratulations']),
  d('Monstera Plant', 'plant', ['white'], ['congratulations']),
  d('Money Tree', 'plant', ['red'], ['congratulations']),
  d('Pink Anthurium', 'plant', ['pink'], ['thank-you']),
  d('Red Kalanchoe', 'plant', ['red'], ['get-well']),
  d('Dark Chocolate Truffles', 'chocolates', ['red'], ['thank-you', 'birthday']),
  d('Sea Salt Caramel Box', 'chocolates', ['yellow'], ['thank-you'], 19),
  d('Chocolate-Covered Strawberries', 'chocolates', ['red', 'pink'], ['valentines']),
  d('Milk Chocolate Hearts', 'chocolates', ['pink'], ['valentines', 'anniversary']),
  d('Artisan Chocolate Collection', 'chocolates', ['purple'], ['birthday', 'congratulations']),
  d('Gourmet Snack Basket', 'gift-basket', ['mixed'], ['thank-you', 'congratulations']),
  d('Fruit and Cheese Basket', 'gift-basket', ['mixed'], ['get-well']),
  d('Spa Day Basket', 'gift-basket', ['pink', 'white'], ['mothers-day', 'birthday']),
  d('New Baby Gift Basket', 'gift-basket', ['yellow'], ['new-baby']),
  d('Wine and Chocolate Basket', 'gift-basket', ['red'], ['anniversary']),
  d('Sympathy Comfort Basket', 'gift-basket', ['white'], ['sympathy']),
  d('Happy Birthday Balloon Bundle', 'balloons', ['mixed'], ['birthday']),
  d('Congratulations Balloons', 'balloons', ['yellow'], ['congratulations']),
  d('I Love You Heart Balloons', 'balloons', ['red'], ['valentines', 'anniversary']),
  d('Welcome Baby Balloons', 'balloons', ['pink', 'white'], ['new-baby']),
  d('Get Well Balloon Bouquet', 'balloons', ['yellow'], ['get-well']),
  d('Thank You Balloons', 'balloons', ['purple'], ['thank-you']),
];

/** Price bands in dollars per kind. */
export const priceBands: Record<ProductKind, [number, number]> = {
  roses: [49, 129],
  tulips: [29, 69],
  lilies: [39, 99],
  orchids: [45, 119],
  sunflowers: [29, 69],
  bouquet: [39, 159],
  plant: [29, 99],
  chocolates: [19, 59],
  'gift-basket': [59, 199],
  balloons: [19, 45],
};
