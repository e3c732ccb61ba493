// Path routing over the History API; the gateway (or CloudFront) answers every page path with index.html.
import type { ComponentChildren, JSX } from 'preact';
import { store, useStore } from './store.js';

export const location$ = store(new URL(window.location.href));

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  location$.set(url);
}

window.addEventListener('popstate', () => location$.set(new URL(window.location.href)));

export function useLocation(): URL {
  return useStore(location$);
}

/** Matches `/orders/:id` style patterns; undefined when the path does not match. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return undefined;
  }
  return params;
}

type LinkProps = JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
