// Keeps the body's raw bytes beside the parsed JSON: SigV4 signs the bytes, the services read the JSON,
// and the body is still parsed once (by Fastify's own safe parser, with its prototype-poisoning guards).
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received; undefined when the request had none. */
    rawBody?: Buffer;
  }
}

export function keepRawJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    request.rawBody = raw;
    parseJson(request, raw.toString('utf8'), done);
  });
}
