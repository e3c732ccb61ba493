// IAM wildcards: `*` any run of characters (slashes included), `?` exactly one; policy variables
// such as `${aws:userid}` are substituted before matching.

const compiled = new Map<string, RegExp>();

function regexFor(pattern: string, caseInsensitive: boolean): RegExp {
  const id = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
  let re = compiled.get(id);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    // Patterns come from the role file, so the set is small; the bound only guards against misuse.
    if (compiled.size > 5000) compiled.clear();
    compiled.set(id, re);
  }
  return re;
}

/** Replaces `${key}` with its context value; an unknown key makes the pattern unmatchable. */
export function substitute(pattern: string, lookup: (key: string) => string | undefined): string | undefined {
  let missing = false;
  const out = pattern.replace(/\$\{([^}]+)\}/g, (_, key: string) => {
    const value = lookup(key);
    if (value === undefined) missing = true;
    // A substituted value matches literally: wildcards in it must not widen the pattern.
    return (value ?? '').replace(/[*?]/g, '\uFFFF');
  });
  return missing ? undefined : out;
}

export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return regexFor(pattern, caseInsensitive).test(value);
}
