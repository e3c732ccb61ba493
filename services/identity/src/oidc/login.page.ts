// The server-rendered sign-in and error pages: no scripts, no inline styles, every user-supplied text escaped.

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Headers for both pages: nothing may load, nothing may frame them. */
export const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main>
${body}
</main></body>
</html>
`;
}

export interface LoginPageInput {
  /** Where the form posts to. */
  action: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function renderLoginPage(input: LoginPageInput): string {
  const alert = input.error ? `<p role="alert">${escapeHtml(input.error)}</p>\n` : '';
  return page(
    'Sign in – Concierge',
    `<h1>Sign in to Concierge</h1>
<p>to continue to ${escapeHtml(input.clientName)}</p>
${alert}<form method="post" action="${escapeHtml(input.action)}">
<p><label for="email">E-mail</label><br><input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${escapeHtml(input.email ?? '')}"></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128"></p>
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}

export function renderErrorPage(error: string, description: string): string {
  return page(
    'Sign-in error – Concierge',
    `<h1>Something went wrong</h1>\n<p>${escapeHtml(error)}</p>\n<p>${escapeHtml(description)}</p>`,
  );
}
