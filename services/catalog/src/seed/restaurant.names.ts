// Name parts per cuisine; a restaurant is called "<first> <second>", e.g. "Trattoria Luna".
import type { Cuisine } from '../restaurants/cuisines.js';

export const nameParts: Record<Cuisine, [string[], string[]]> = {
  italian: [
    ['Trattoria', 'Osteria', 'Ristorante', 'Pizzeria', 'Enoteca', 'Cucina', 'Bottega', 'Caffè'],
    [
      'Luna',
      'Bella',
      'Roma',
      'Sole',
      'Nonna',
      'Vento',
      'Stella',
      'Toscana',
      'Verde',
      'Amalfi',
      'Giardino',
      'Porto',
    ],
  ],
  japanese: [
    ['Sushi', 'Izakaya', 'Ramen', 'Omakase', 'Kissa', 'Yakitori', 'Soba', 'Robata'],
    ['Hana', 'Kaze', 'Tora', 'Yuki', 'Sora', 'Kumo', 'Mori', 'Umi', 'Tsuki', 'Kai', 'Hoshi', 'Sakura'],
  ],
  chinese: [
    ['Golden', 'Jade', 'Red', 'Lucky', 'Imperial', 'Twin', 'Silk', 'Bamboo'],
    ['Dragon', 'Lotus', 'Palace', 'Garden', 'Dumpling House', 'Noodle Bar', 'Pavilion', 'Wok', 'Tea House'],
  ],
  mexican: [
    ['Casa', 'Taquería', 'Cantina', 'Cocina', 'Tortillería', 'Mercado', 'Antojitos', 'Fonda'],
    [
      'Rosa',
      'Azul',
      'Maya',
      'Oaxaca',
      'Lupita',
      'Sol',
      'Jalisco',
      'Verde',
      'Coyote',
      'Puebla',
      'Agave',
      'Luna',
    ],
  ],
  indian: [
    ['Tandoor', 'Masala', 'Spice', 'Saffron', 'Namaste', 'Curry', 'Chutney', 'Bombay'],
    [
      'House',
      'Palace',
      'Garden',
      'Kitchen',
      'Bazaar',
      'Route',
      'Junction',
      'Club',
      'Room',
      'Table',
      'Darbar',
    ],
  ],
  french: [
    ['Café', 'Bistro', 'Brasserie', 'Chez', 'Le Petit', 'Maison', 'Bouchon', 'Le Comptoir'],
    [
      'Margaux',
      'Lumière',
      'Rivière',
      'Colette',
      'Provence',
      'Marais',
      'Étoile',
      'Josephine',
      'Lyon',
      'Amélie',
    ],
  ],
  thai: [
    ['Baan', 'Thai', 'Siam', 'Kin', 'Lotus', 'Tuk Tuk', 'Chao', 'Krua'],
    [
      'Basil',
      'Orchid',
      'Elephant',
      'Mango',
      'Lemongrass',
      'Jasmine',
      'Chili',
      'Coconut',
      'Bangkok',
      'Kitchen',
    ],
  ],
  american: [
    ['Union', 'Liberty', 'Hudson', 'Empire', 'Main Street', 'Blue Plate', 'Knickerbocker', 'Bowery'],
    ['Diner', 'Grill', 'Tavern', 'Burger Bar', 'Smokehouse', 'Kitchen', 'Social', 'Chophouse', 'Oyster Bar'],
  ],
  mediterranean: [
    ['Olive', 'Aegean', 'Cyprus', 'Santorini', 'Zaytoon', 'Levant', 'Byblos', 'Cedar'],
    ['Table', 'Grill', 'Taverna', 'Kitchen', 'Mezze', 'House', 'Garden', 'Bar', 'Harbor', 'Souk', 'Terrace'],
  ],
  korean: [
    ['Seoul', 'Gangnam', 'Hanok', 'Kimchi', 'Bulgogi', 'Mapo', 'Jeju', 'Bibim'],
    ['House', 'BBQ', 'Kitchen', 'Pocha', 'Table', 'Garden', 'Grill', 'Tofu House', 'Noodle', 'Jip', 'Social'],
  ],
};

/** Typical price level (1–4) per cuisine; each restaurant varies by one step. */
export const basePriceLevel: Record<Cuisine, number> = {
  italian: 2,
  japanese: 3,
  chinese: 1,
  mexican: 1,
  indian: 2,
  french: 3,
  thai: 1,
  american: 2,
  mediterranean: 2,
  korean: 2,
};
