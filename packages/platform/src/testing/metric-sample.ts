// Reads one series' value out of Prometheus exposition text, whatever order its labels come in.

/** The value of the series `name` whose labels include `labels`; undefined when there is none. */
export function metricSample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2]!.split(',');
    if (Object.entries(labels).every(([k, v]) => present.includes(`${k}="${v}"`))) return Number(match[3]);
  }
  return undefined;
}
