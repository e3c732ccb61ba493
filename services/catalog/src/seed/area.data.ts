// The ten New York neighbourhoods the demo restaurants are in, with real streets, ZIP codes and a centre point.

export interface Area {
  slug: string;
  city: string;
  zips: string[];
  streets: string[];
  areaCodes: string[];
  lat: number;
  lng: number;
}

const manhattan = ['212', '646'];
const outerBoroughs = ['718', '347'];

export const areas: Area[] = [
  {
    slug: 'chelsea',
    city: 'New York',
    zips: ['10001', '10011'],
    streets: ['W 23rd St', '8th Ave', '9th Ave', 'W 19th St', '10th Ave', 'W 26th St'],
    areaCodes: manhattan,
    lat: 40.7465,
    lng: -74.0014,
  },
  {
    slug: 'soho',
    city: 'New York',
    zips: ['10012', '10013'],
    streets: ['Spring St', 'Prince St', 'Broome St', 'Mercer St', 'Greene St', 'Wooster St'],
    areaCodes: manhattan,
    lat: 40.7233,
    lng: -74.003,
  },
  {
    slug: 'greenwich-village',
    city: 'New York',
    zips: ['10014', '10012'],
    streets: ['Bleecker St', 'MacDougal St', 'W 4th St', 'Christopher St', 'Carmine St', 'Barrow St'],
    areaCodes: manhattan,
    lat: 40.7336,
    lng: -74.0027,
  },
  {
    slug: 'upper-east-side',
    city: 'New York',
    zips: ['10021', '10028', '10065', '10075'],
    streets: ['Lexington Ave', '3rd Ave', '2nd Ave', 'E 78th St', 'E 86th St', '1st Ave'],
    areaCodes: manhattan,
    lat: 40.7736,
    lng: -73.9566,
  },
  {
    slug: 'upper-west-side',
    city: 'New York',
    zips: ['10023', '10024', '10025'],
    streets: ['Amsterdam Ave', 'Columbus Ave', 'Broadway', 'W 72nd St', 'W 79th St', 'W 86th St'],
    areaCodes: manhattan,
    lat: 40.787,
    lng: -73.9754,
  },
  {
    slug: 'midtown',
    city: 'New York',
    zips: ['10018', '10019', '10036', '10022'],
    streets: ['W 44th St', 'W 46th St', '8th Ave', 'E 52nd St', 'Lexington Ave', 'W 55th St'],
    areaCodes: manhattan,
    lat: 40.7549,
    lng: -73.984,
  },
  {
    slug: 'harlem',
    city: 'New York',
    zips: ['10026', '10027', '10030'],
    streets: ['Lenox Ave', 'Frederick Douglass Blvd', 'W 125th St', 'W 116th St', 'St Nicholas Ave'],
    areaCodes: manhattan,
    lat: 40.8116,
    lng: -73.9465,
  },
  {
    slug: 'tribeca',
    city: 'New York',
    zips: ['10007', '10013'],
    streets: ['Greenwich St', 'Hudson St', 'Franklin St', 'Duane St', 'Church St', 'Reade St'],
    areaCodes: manhattan,
    lat: 40.7163,
    lng: -74.0086,
  },
  {
    slug: 'williamsburg',
    city: 'Brooklyn',
    zips: ['11211', '11249'],
    streets: ['Bedford Ave', 'Grand St', 'N 6th St', 'Wythe Ave', 'Metropolitan Ave', 'Berry St'],
    areaCodes: outerBoroughs,
    lat: 40.7081,
    lng: -73.9571,
  },
  {
    slug: 'astoria',
    city: 'Astoria',
    zips: ['11102', '11103', '11105', '11106'],
    streets: ['Ditmars Blvd', '30th Ave', 'Broadway', 'Steinway St', '31st St', '36th Ave'],
    areaCodes: outerBoroughs,
    lat: 40.7644,
    lng: -73.9235,
  },
];

/** How far (degrees) a restaurant may sit from its area's centre: a few blocks. */
export const areaSpread = 0.005;
