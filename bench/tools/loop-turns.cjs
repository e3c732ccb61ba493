// Preload (`node --require`) for benchmark servers: counts how many turns of the event loop each HTTP request
// spans, from its arrival to its answer. A request answered in the turn it arrived in counts 0; one that waits
// for a commit scheduled on the next turn counts 1 or more, and each of those turns carries the work of every
// other request that arrived meanwhile. On SIGUSR2 writes to $LOOP_TURNS_FILE the histogram of the requests
// answered since the last signal and, per request body's "text", how many spanned $LOOP_TURNS_SLOW (default 3)
// turns or more, then starts counting afresh. `bench/tools/chat-profile.ts` signals it around its measured run.
const http = require('node:http');
const fs = require('node:fs');

const file = process.env.LOOP_TURNS_FILE;
if (file) {
  const slowFrom = Number(process.env.LOOP_TURNS_SLOW ?? 3);
  let turn = 0;
  // One check-phase callback per turn of the loop. It keeps the loop from sleeping in its poll phase, which
  // costs an idle server CPU but changes nothing for one under load.
  const count = () => {
    turn++;
    setImmediate(count);
  };
  setImmediate(count);
  let spans = new Map();
  let texts = new Map();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    const [request, response] = args;
    if (event === 'request') {
      const arrived = turn;
      let body = '';
      request.on('data', (chunk) => {
        if (body.length < 2000) body += chunk;
      });
      response.once('finish', () => {
        const spanned = turn - arrived;
        spans.set(spanned, (spans.get(spanned) ?? 0) + 1);
        const key = /"text":"([^"]*)"/.exec(body)?.[1] ?? `${request.method} ${request.url}`;
        const t = texts.get(key) ?? { all: 0, slow: 0 };
        t.all++;
        if (spanned >= slowFrom) t.slow++;
        texts.set(key, t);
      });
    }
    return emit.call(this, event, ...args);
  };
  process.on('SIGUSR2', () => {
    const total = [...spans.values()].reduce((a, b) => a + b, 0);
    const histogram = [...spans]
      .sort((a, b) => a[0] - b[0])
      .map(([n, c]) => `${n}: ${((100 * c) / total).toFixed(1)} %`)
      .join(', ');
    const slow = [...texts]
      .filter(([, t]) => t.slow > 0)
      .sort((a, b) => b[1].slow - a[1].slow)
      .slice(0, 10)
      .map(([text, t]) => `  ${t.slow} of ${t.all} "${text}"`);
    const lines = [`${total} requests; turns of the event loop spanned: ${histogram}`];
    if (slow.length > 0) lines.push(`spanning ${slowFrom} or more turns:`, ...slow);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    spans = new Map();
    texts = new Map();
  });
}
