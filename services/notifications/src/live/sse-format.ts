// Server-sent events wire format (https://html.spec.whatwg.org/multipage/server-sent-events.html).

/** One event; `data` is JSON, which never contains a raw newline, so it fits one `data:` line. */
export function sseEvent(id: string, type: string, data: string): string {
  return `id: ${id}\nevent: ${type}\ndata: ${data}\n\n`;
}

/** A comment line: ignored by clients, but it keeps proxies from closing an idle connection. */
export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}

/** Tells the client how long to wait before reconnecting. */
export function sseRetry(ms: number): string {
  return `retry: ${ms}\n\n`;
}
