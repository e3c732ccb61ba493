// Security headers on every answer, computed once (helmet rebuilds its policy strings on each request,
// which cost a tenth of a cached catalog read).
//
// Pages, the API reference and anything that is not an API operation get helmet's defaults
// (`documentHeaders`); `upgrade-insecure-requests` is left out because the embedded system serves plain
// http on localhost. API operations answer JSON that no browser renders as a document, so they get the set
// the OWASP REST Security Cheat Sheet lists for APIs (`apiHeaders`): the document-only headers (script and
// style sources, DNS prefetch, download options, cross-origin isolation) protect nothing there and made up
// more than half of every JSON answer's bytes.
const contentSecurityPolicy = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
].join(';');

export const documentHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': contentSecurityPolicy,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

export const apiHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/**
 * RFC 6797 §7.2: HSTS must not be sent over plain http, where a browser ignores it anyway. The gateway
 * adds it to answers it serves over https; behind a TLS-terminating proxy the proxy sends it.
 */
export const hsts = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } as const;
