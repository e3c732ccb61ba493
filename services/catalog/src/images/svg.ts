// Tiny SVG building blocks for the generated catalog artwork; output is plain, stable text.
import type { Colour } from '../seed/product.designs.js';

export const size = 200;

const hues: Record<Exclude<Colour, 'mixed'>, string> = {
  red: '#d7263d',
  pink: '#f49cbb',
  white: '#fbf8ef',
  yellow: '#f6c445',
  purple: '#8e6bbf',
};

/** The fill colours for a design; `mixed` stands for a cheerful spread of all of them. */
export function fills(colours: Colour[]): string[] {
  const list = colours.flatMap((c) => (c === 'mixed' ? ['red', 'yellow', 'pink', 'purple'] : [c]));
  return list.map((c) => hues[c as keyof typeof hues]);
}

/** Numbers with at most one decimal, so files stay small and identical across platforms. */
export const n = (value: number) => String(Math.round(value * 10) / 10);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function svgDocument(title: string, background: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${size}" height="${size}" rx="24" fill="${background}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export const circle = (x: number, y: number, r: number, fill: string, extra = '') =>
  `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"${extra}/>`;

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width = 3) =>
  `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round"/>`;

export const outline = ' stroke="#5b4a3a" stroke-opacity=".25" stroke-width="1.5"';
