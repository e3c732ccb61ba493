// The simpler credentials: a bearer JWT (fixed or fetched per call) or an API key in `x-api-key`.
import type { Middleware } from 'openapi-fetch';

export type TokenSource = string | (() => string | Promise<string>);

export function bearerMiddleware(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'string' ? token : await token();
      request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

export function apiKeyMiddleware(key: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('x-api-key', key);
      return request;
    },
  };
}
