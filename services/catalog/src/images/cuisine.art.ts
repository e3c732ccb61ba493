// Draws one picture per cuisine: a plate with a simple dish on the cuisine's colour, and its name.
import type { Cuisine } from '../restaurants/cuisines.js';
import { circle, line, outline, svgDocument } from './svg.js';

const dishes: Record<Cuisine, { background: string; dish: string[] }> = {
  italian: {
    background: '#2e7d4f',
    dish: [
      '<path d="M100 58L64 128h72z" fill="#f2c46d"/>',
      circle(94, 100, 6, '#c0392b'),
      circle(108, 114, 6, '#c0392b'),
      circle(92, 120, 5, '#c0392b'),
    ],
  },
  japanese: {
    background: '#1f3b57',
    dish: [
      '<rect x="66" y="86" width="68" height="30" rx="12" fill="#fbf8ef"/>',
      '<rect x="62" y="78" width="76" height="16" rx="8" fill="#f08a5d"/>',
      '<path d="M90 78v38" stroke="#1b1b1b" stroke-width="8"/>',
    ],
  },
  chinese: {
    background: '#b3261e',
    dish: [
      circle(84, 104, 18, '#f7ecd8', outline),
      circle(116, 104, 18, '#f7ecd8', outline),
      line(70, 62, 140, 90, '#8b5e34', 4),
      line(76, 56, 146, 84, '#8b5e34', 4),
    ],
  },
  mexican: {
    background: '#e67e22',
    dish: [
      '<path d="M62 118a38 38 0 0 1 76 0z" fill="#f2c46d"/>',
      circle(86, 104, 6, '#2e7d4f'),
      circle(102, 98, 6, '#c0392b'),
      circle(116, 106, 6, '#f6e58d'),
    ],
  },
  indian: {
    background: '#8e44ad',
    dish: [
      circle(100, 100, 34, '#d35400', outline),
      circle(92, 92, 6, '#f6e58d'),
      circle(110, 104, 5, '#2e7d4f'),
      circle(96, 112, 4, '#fbf8ef'),
    ],
  },
  french: {
    background: '#34495e',
    dish: [
      '<path d="M62 112c10-34 66-34 76 0-12-8-20-8-24 0-6-10-22-10-28 0-4-8-12-8-24 0z" fill="#d9a441"/>',
    ],
  },
  thai: {
    background: '#16a085',
    dish: [
      circle(100, 102, 32, '#fbf8ef', outline),
      '<path d="M76 100c8-8 16 8 24 0s16 8 24 0" fill="none" stroke="#f2c46d" stroke-width="5"/>',
      circle(112, 88, 5, '#c0392b'),
    ],
  },
  american: {
    background: '#c0392b',
    dish: [
      '<path d="M66 96a34 26 0 0 1 68 0z" fill="#d9a441"/>',
      '<rect x="64" y="98" width="72" height="12" rx="5" fill="#5d3a1a"/>',
      '<rect x="66" y="112" width="68" height="12" rx="5" fill="#d9a441"/>',
    ],
  },
  mediterranean: {
    background: '#2874a6',
    dish: [
      '<path d="M66 126C90 94 110 94 134 70" fill="none" stroke="#6b8e23" stroke-width="4"/>',
      circle(88, 104, 9, '#556b2f'),
      circle(106, 92, 9, '#3d3d29'),
      circle(122, 80, 9, '#556b2f'),
    ],
  },
  korean: {
    background: '#6c3483',
    dish: [
      circle(100, 102, 32, '#3b3b3b', outline),
      circle(100, 100, 12, '#fbf8ef'),
      circle(100, 100, 6, '#f6c445'),
      circle(80, 108, 7, '#c0392b'),
      circle(120, 108, 7, '#2e7d4f'),
    ],
  },
};

function plate(title: string, background: string, dish: string[]): string {
  return svgDocument(title, background, [
    circle(100, 100, 58, '#ffffff', ' opacity=".95"'),
    circle(100, 100, 46, 'none', ' stroke="#e5e5e5" stroke-width="2"'),
    ...dish,
    `<text x="100" y="182" text-anchor="middle" font-family="sans-serif" font-size="16" fill="#ffffff">${title}</text>`,
  ]);
}

/** The SVG picture of a cuisine, the same on every run. */
export function cuisineArt(cuisine: Cuisine): string {
  const { background, dish } = dishes[cuisine];
  return plate(cuisine[0]!.toUpperCase() + cuisine.slice(1), background, dish);
}

/** What a restaurant of a cuisine without artwork shows. */
export function placeholderCuisineArt(): string {
  return plate('Restaurant', '#7f8c8d', [
    line(84, 76, 84, 126, '#95a5a6', 5),
    line(116, 76, 116, 126, '#95a5a6', 5),
  ]);
}
