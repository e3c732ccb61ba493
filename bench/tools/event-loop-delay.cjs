// Preload (`node --require`) for benchmark servers: once a second appends the event loop's delay over that
// second (p50, p99, max in ms) to $ELD_FILE as `<epoch ms> <p50> <p99> <max>`, to set beside request latencies.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const fs = require('node:fs');

const file = process.env.ELD_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const ms = (ns) => (ns / 1e6).toFixed(1);
  setInterval(() => {
    const line = `${Date.now()} ${ms(histogram.percentile(50))} ${ms(histogram.percentile(99))} ${ms(histogram.max)}\n`;
    fs.appendFileSync(file, line);
    histogram.reset();
  }, 1000).unref();
}
