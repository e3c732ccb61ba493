// The committed images in web/images are exactly what the generator makes.
// Regenerate them with: npx vitest run -u services/catalog/src/images
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogImages } from './catalog-images.js';

const webImages = fileURLToPath(new URL('../../../../web/images/', import.meta.url));
const sut = catalogImages();

describe('catalog images', () => {
  it.each([...sut.keys()])('%s matches the committed file', async (file) => {
    await expect(sut.get(file)).toMatchFileSnapshot(`${webImages}${file}`);
  });

  it('has no stale files beside the generated ones', () => {
    const committed = ['products', 'cuisines'].flatMap((dir) =>
      fs.readdirSync(`${webImages}${dir}`).map((name) => `${dir}/${name}`),
    );
    expect(committed.sort()).toEqual([...sut.keys()].sort());
  });

  it('stays small and well-formed', () => {
    for (const [file, svg] of sut) {
      expect(svg.length, file).toBeLessThan(4000);
      expect(svg).toMatch(/^<svg [^>]*>\n<title>[^<]+<\/title>[\s\S]*<\/svg>\n$/);
    }
  });
});
