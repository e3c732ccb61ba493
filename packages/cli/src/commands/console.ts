// What the CLI tells a person: short lines on stderr, so stdout stays free for logs and data.
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A progress line that rewrites itself on a terminal and prints every 10% otherwise. */
export function progress(label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label}: ${done}/${total} (${pct}%)${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) !== lastDecile) {
      lastDecile = Math.floor(pct / 10);
      say(`${label}: ${done}/${total} (${pct}%)`);
    }
  };
}
