// A streaming fetch client for server-sent events, as the web app reads them (EventSource cannot sign).

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

function parse(block: string): SseMessage {
  const message: SseMessage = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comment = line.slice(1).trim();
    const at = line.indexOf(': ');
    if (at < 0) continue;
    const field = line.slice(0, at);
    if (field === 'id' || field === 'event' || field === 'data') message[field] = line.slice(at + 2);
  }
  return message;
}

export async function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  /** The next message (event or comment) matching `want`, waiting at most `timeoutMs`. */
  const next = async (want: (m: SseMessage) => boolean = (m) => m.id !== undefined, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const message = parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (want(message)) return message;
        continue;
      }
      if (Date.now() > deadline) throw new Error('no SSE message in time');
      const timer = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no SSE message in time')), deadline - Date.now()),
      );
      const chunk = await Promise.race([reader.read(), timer]);
      if (chunk.done) throw new Error('stream ended');
      buffer += chunk.value;
    }
  };
  return { response, next, close: () => controller.abort() };
}
