// A minimal browser for tests: keeps cookies and follows redirects by hand until a URL we are waiting for.

export interface TestBrowser {
  /** Fetches with the cookie jar, following redirects until `stopAt` prefixes the location; answers the last response and URL. */
  go(url: string, init?: RequestInit & { stopAt?: string }): Promise<{ response: Response; url: string }>;
}

export function testBrowser(): TestBrowser {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), value);
    }
  };
  return {
    async go(start, init = {}) {
      let url = start;
      let request: RequestInit = init;
      for (let hop = 0; hop < 10; hop++) {
        const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        const response = await fetch(url, {
          ...request,
          redirect: 'manual',
          headers: { ...(request.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
          signal: AbortSignal.timeout(5000),
        });
        remember(response);
        const location = response.headers.get('location');
        if (!location || response.status < 300 || response.status > 399) return { response, url };
        url = new URL(location, url).href;
        if (init.stopAt && url.startsWith(init.stopAt)) return { response, url };
        request = {};
      }
      throw new Error(`too many redirects from ${start}`);
    },
  };
}
