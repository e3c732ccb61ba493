// Subscription patterns: an exact event type, a prefix wildcard such as `order.*`, or `*` for every type.

/** Compiles `pattern` into a matcher; a `*` is only allowed as the whole last segment. */
export function matcher(pattern: string): (type: string) => boolean {
  if (pattern === '*') return () => true;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    if (prefix.includes('*')) throw new Error(`invalid event pattern: ${pattern}`);
    return (type) => type.startsWith(prefix);
  }
  if (pattern.includes('*') || pattern === '') throw new Error(`invalid event pattern: ${pattern}`);
  return (type) => type === pattern;
}
