// Slot values the training sentences are filled with; catalog values plus unknown ones, so context is learned too.

/** Canonical value and the surface forms people use for it (the bot's gazetteers). */
export interface Term {
  value: string;
  synonyms: string[];
}

const t = (value: string, ...synonyms: string[]): Term => ({ value, synonyms });

/** The catalog's New York areas (slugs as the catalog names them) and how New Yorkers say them. */
export const areas: Term[] = [
  t('chelsea', 'Chelsea'),
  t('soho', 'SoHo', 'Soho'),
  t('greenwich-village', 'Greenwich Village', 'the village', 'West Village', 'the west village', 'Greenwich'),
  t('upper-east-side', 'Upper East Side', 'UES', 'upper east', 'the upper east side'),
  t('upper-west-side', 'Upper West Side', 'UWS', 'upper west'),
  t('midtown', 'Midtown', 'midtown manhattan', 'Times Square'),
  t('harlem', 'Harlem'),
  t('tribeca', 'Tribeca', 'TriBeCa'),
  t('williamsburg', 'Williamsburg', 'Billyburg', 'wburg'),
  t('astoria', 'Astoria'),
];

/** Areas the catalog does not cover: the tagger must still find them so the dialog can say so. */
export const unknownAreas = ['East Village', 'Park Slope', 'Bushwick', 'Flushing', 'the Bronx', 'Dumbo'];

/**
 * New York places the catalog does not cover, so that "the East Village" is not read as Greenwich Village
 * (whose "village" it contains) and "East Harlem" not as Harlem: the dialog says it does not have them.
 * Not used in training.
 */
export const otherNeighbourhoods = [
  'East Village',
  'Lower East Side',
  'East Harlem',
  'Spanish Harlem',
  'West Harlem',
  'Washington Heights',
  'Inwood',
  'Morningside Heights',
  'Financial District',
  'FiDi',
  'Battery Park',
  'Battery Park City',
  'Lower Manhattan',
  'Chinatown',
  'Little Italy',
  'NoHo',
  'Nolita',
  'NoMad',
  'Flatiron',
  'Gramercy',
  'Union Square',
  'Murray Hill',
  'Kips Bay',
  'Koreatown',
  "Hell's Kitchen",
  'Hells Kitchen',
  'Hudson Yards',
  'Meatpacking District',
  'Roosevelt Island',
  'Brooklyn',
  'Queens',
  'the Bronx',
  'Bronx',
  'Staten Island',
  'Long Island City',
  'Park Slope',
  'Bushwick',
  'Greenpoint',
  'Dumbo',
  'Bed-Stuy',
  'Crown Heights',
  'Fort Greene',
  'Red Hook',
  'Cobble Hill',
  'Carroll Gardens',
  'Flushing',
  'Jackson Heights',
  'Jersey City',
  'Hoboken',
];

export const cuisines: Term[] = [
  t('american', 'American', 'burgers', 'burger'),
  t('chinese', 'Chinese', 'dim sum', 'dumplings'),
  t('french', 'French', 'bistro food'),
  t('indian', 'Indian', 'curry'),
  t('italian', 'Italian', 'pasta', 'pizza', 'italiano'),
  t('japanese', 'Japanese', 'sushi', 'ramen'),
  t('korean', 'Korean', 'korean bbq', 'kbbq'),
  t('mediterranean', 'Mediterranean', 'mezze'),
  t('mexican', 'Mexican', 'tacos', 'taco'),
  t('thai', 'Thai', 'pad thai'),
];

export const unknownCuisines = ['Ethiopian', 'Greek', 'Vietnamese', 'Peruvian', 'Spanish', 'Turkish'];

export const productKinds: Term[] = [
  t('roses', 'roses', 'rose', 'a dozen roses'),
  t('tulips', 'tulips', 'tulip'),
  t('lilies', 'lilies', 'lily'),
  t('orchids', 'orchids', 'orchid'),
  t('sunflowers', 'sunflowers', 'sunflower'),
  t('bouquet', 'bouquet', 'flowers', 'a bunch of flowers', 'arrangement', 'bunch of flowers'),
  t('plant', 'plant', 'a plant', 'houseplant', 'potted plant'),
  t('chocolates', 'chocolates', 'chocolate', 'truffles'),
  t('gift-basket', 'gift basket', 'hamper', 'basket'),
  t('balloons', 'balloons', 'balloon'),
];

export const colours: Term[] = [
  t('red', 'red'),
  t('pink', 'pink'),
  t('white', 'white'),
  t('yellow', 'yellow'),
  t('purple', 'purple', 'lavender', 'violet'),
  t('mixed', 'colourful', 'colorful', 'mixed', 'rainbow'),
];

export const occasions: Term[] = [
  t('birthday', 'birthday', 'bday', 'b-day'),
  t('anniversary', 'anniversary'),
  t('valentines', "valentine's day", 'valentines', 'valentine'),
  t('mothers-day', "mother's day", 'mothers day'),
  t('sympathy', 'funeral', 'sympathy', 'condolences'),
  t('get-well', 'get well', 'recovery', 'feel better'),
  t('thank-you', 'thank you', 'thank-you gift', 'to say thanks'),
  t('congratulations', 'congratulations', 'congrats', 'promotion', 'graduation'),
  t('new-baby', 'new baby', 'baby shower', 'newborn'),
];

export const recipients = [
  'mom',
  'my mother',
  'my wife',
  'my husband',
  'my girlfriend',
  'my boyfriend',
  'my boss',
  'a friend',
  'my sister',
  'my grandma',
  'a coworker',
  'my dad',
  'my partner',
  'my neighbour',
];

export const dates = [
  'tomorrow',
  'today',
  'tonight',
  'on friday',
  'this saturday',
  'next tuesday',
  'on March 14',
  'sunday',
  'on the 21st',
  'tomorrow night',
  'this weekend',
];

export const times = [
  'at 8pm',
  'at 7:30',
  'around 7',
  'at 6:45 pm',
  'at noon',
  'at 9',
  'for 8pm',
  'at 19:00',
];

export const parties = [
  'for 4',
  'for two',
  'for 2 people',
  'party of 6',
  '3 of us',
  'for six',
  'a table for 5',
  'for 8 guests',
  'for a group of 10',
  'just me',
];

export const budgets = ['under $50', 'for less than 80 dollars', 'around $40', 'under 100 bucks', 'max $60'];

export const contacts = [
  'anna@example.com',
  'j.smith@mail.com',
  'me@work.io',
  '+1 212 555 0199',
  '(646) 555-0123',
  'tom.b@gmail.com',
];

export const productNames = [
  'Classic Dozen Red Roses',
  'Sunflower Sunshine Bunch',
  'Peace Lily Plant',
  'Dark Chocolate Truffles',
  'Spring Tulip Medley',
  'White Phalaenopsis Orchid',
];
