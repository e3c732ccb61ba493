// Which webhook URLs are acceptable: https anywhere public; plain http only to this machine.

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The reason `value` cannot be a webhook URL, or undefined when it can. */
export function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return undefined;
  return 'must be https (or http://localhost)';
}

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}
