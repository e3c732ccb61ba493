// Accumulates gazetteer values and synonyms while an importer walks its source.
import type { GazetteerEntry } from '../types.js';

export class GazetteerBuilder {
  private readonly byEntity = new Map<string, Map<string, Set<string>>>();

  add(entity: string, value: string, synonyms: string[] = []): void {
    let values = this.byEntity.get(entity);
    if (!values) {
      values = new Map();
      this.byEntity.set(entity, values);
    }
    const syns = values.get(value) ?? new Set<string>();
    for (const s of synonyms) if (s !== value) syns.add(s);
    values.set(value, syns);
  }

  build(): Record<string, GazetteerEntry[]> | undefined {
    if (this.byEntity.size === 0) return undefined;
    const out: Record<string, GazetteerEntry[]> = {};
    for (const [entity, values] of this.byEntity) {
      out[entity] = [...values].map(([value, syns]) =>
        syns.size ? { value, synonyms: [...syns] } : { value },
      );
    }
    return out;
  }
}
