// Hosts the web folder: HTML revalidated on every load, fingerprinted assets cached for a year.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const fingerprinted = /[.-][0-9a-f]{8,}\.(js|css|svg|png|woff2?)$/;

export async function registerStaticSite(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    cacheControl: false,
    setHeaders(res, filePath) {
      if (filePath.endsWith('.html')) res.header('cache-control', 'no-cache');
      else if (fingerprinted.test(filePath))
        res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'public, max-age=3600');
    },
  });
}
