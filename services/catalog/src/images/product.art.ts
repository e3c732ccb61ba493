// Draws a product's picture from its design: flowers, a potted plant, chocolates, a basket or balloons.
import { createRng, type Rng } from '../seed/prng.js';
import type { ProductDesign, ProductKind } from '../seed/product.designs.js';
import { circle, fills, line, n, outline, svgDocument } from './svg.js';

const leaf = '#4f8a3c';
const kraft = '#e4cfa3';

/** A stable number from text, to give each design its own but repeatable arrangement. */
function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

function bloom(kind: ProductKind, x: number, y: number, fill: string): string[] {
  if (kind === 'sunflowers') {
    // A thick dashed ring reads as a ring of petals for a fraction of the markup.
    const petals = ' stroke="#f6c445" stroke-width="9" stroke-dasharray="4.5 2.4"';
    return [circle(x, y, 12, 'none', petals), circle(x, y, 8, '#6b4226')];
  }
  if (kind === 'tulips')
    return [
      `<path d="M${n(x - 10)} ${n(y - 8)}l5 6 5-8 5 8 5-6v8a10 10 0 0 1-20 0z" fill="${fill}"${outline}/>`,
    ];
  if (kind === 'lilies') {
    const points = Array.from({ length: 12 }, (_, i) => {
      const a = (i * Math.PI) / 6;
      const r = i % 2 ? 5 : 14;
      return `${n(x + Math.cos(a) * r)} ${n(y + Math.sin(a) * r)}`;
    });
    return [`<path d="M${points.join('L')}z" fill="${fill}"${outline}/>`, circle(x, y, 3, '#e67e22')];
  }
  return [
    circle(x, y, 12, fill, outline),
    circle(x, y, 6.5, fill, outline),
    circle(x - 2, y - 2, 2.5, '#000', ' opacity=".12"'),
  ];
}

function bouquet(design: ProductDesign, rng: Rng): string[] {
  const colours = fills(design.colours);
  const heads = Array.from({ length: 7 }, (_, i) => {
    const a = -Math.PI / 2 + (i - 3) * 0.32 + (rng.next() - 0.5) * 0.15;
    const r = 62 + rng.int(0, 14);
    return { x: 100 + Math.cos(a) * r, y: 150 + Math.sin(a) * r, fill: colours[i % colours.length]! };
  });
  return [
    ...heads.map((h) => line(100, 150, h.x, h.y, leaf)),
    `<path d="M62 118L100 182L138 118z" fill="${kraft}"/>`,
    ...heads.flatMap((h) => bloom(design.kind, h.x, h.y, h.fill)),
    `<path d="M88 150h24" stroke="${colours[0]}" stroke-width="6" stroke-linecap="round"/>`,
  ];
}

function potted(design: ProductDesign, rng: Rng): string[] {
  const [pot = '#c96f4a', accent = pot] = fills(design.colours);
  const leaves = Array.from({ length: 5 }, (_, i) => {
    const angle = -60 + i * 30 + rng.int(-6, 6);
    return `<ellipse cx="100" cy="100" rx="9" ry="30" fill="${leaf}" transform="rotate(${angle} 100 130)"/>`;
  });
  const flowers =
    design.kind === 'orchids'
      ? [0, 1, 2, 3].map((i) => circle(118 + i * 8, 52 + i * 11, 8, accent, outline))
      : [];
  const stem =
    design.kind === 'orchids'
      ? ['<path d="M100 130C100 70 120 45 146 95" fill="none" stroke="#6d5a3f" stroke-width="2"/>']
      : [];
  return [...leaves, ...stem, ...flowers, `<path d="M68 128h64l-9 48h-46z" fill="${pot}"${outline}/>`];
}

function chocolates(design: ProductDesign): string[] {
  const [box = '#d7263d'] = fills(design.colours);
  const pieces = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
    circle(72 + (i % 3) * 28, 72 + Math.floor(i / 3) * 28, 10, i % 2 ? '#6b4226' : '#3e2417'),
  );
  return [
    `<rect x="44" y="44" width="112" height="112" rx="10" fill="${box}"${outline}/>`,
    `<rect x="54" y="54" width="92" height="92" rx="6" fill="#f3e3c7"/>`,
    ...pieces,
  ];
}

function basket(design: ProductDesign, rng: Rng): string[] {
  const colours = fills(design.colours);
  const goods = Array.from({ length: 6 }, (_, i) =>
    circle(62 + i * 15 + rng.int(-3, 3), 104 - (i % 2) * 10, 14, colours[i % colours.length]!, outline),
  );
  return [
    '<path d="M50 110C50 40 150 40 150 110" fill="none" stroke="#8b5e34" stroke-width="7"/>',
    ...goods,
    '<path d="M40 108h120l-14 58H54z" fill="#b07a45"/>',
    '<path d="M46 128h108M50 148h100" stroke="#8b5e34" stroke-width="3"/>',
  ];
}

function balloons(design: ProductDesign, rng: Rng): string[] {
  const colours = fills(design.colours);
  const spots = [70, 100, 130].map((x, i) => ({
    x: x + rng.int(-4, 4),
    y: 68 + (i % 2 ? -14 : 6),
    fill: colours[i % colours.length]!,
  }));
  return [
    ...spots.map((b) => line(b.x, b.y + 28, 100, 172, '#7a7a7a', 1.5)),
    ...spots.map(
      (b) => `<ellipse cx="${n(b.x)}" cy="${n(b.y)}" rx="22" ry="28" fill="${b.fill}"${outline}/>`,
    ),
  ];
}

const drawers: Record<ProductKind, (design: ProductDesign, rng: Rng) => string[]> = {
  roses: bouquet,
  tulips: bouquet,
  lilies: bouquet,
  sunflowers: bouquet,
  bouquet,
  orchids: potted,
  plant: potted,
  chocolates,
  'gift-basket': basket,
  balloons,
};

/** The SVG picture of one design, the same on every run. */
export function productArt(design: ProductDesign): string {
  const rng = createRng(hash(design.name), 'art');
  return svgDocument(design.name, '#fdf3ec', drawers[design.kind](design, rng));
}

/** What a product created without an image shows. */
export function placeholderProductArt(): string {
  return svgDocument('Gift', '#fdf3ec', [
    '<rect x="50" y="80" width="100" height="80" rx="6" fill="#f49cbb"/>',
    '<rect x="42" y="64" width="116" height="24" rx="6" fill="#d7263d"/>',
    '<path d="M100 64v96" stroke="#f6c445" stroke-width="10"/>',
    circle(88, 56, 12, 'none', ' stroke="#f6c445" stroke-width="6"'),
    circle(112, 56, 12, 'none', ' stroke="#f6c445" stroke-width="6"'),
  ]);
}
