// The model artifact in the data folder: reused while valid, retrained when an older engine saved it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botHash, loadOrTrainModel } from './model-store.js';

const botYaml = `intents:
  greet: [hello, hi there, good morning]
  book_table:
    examples:
      - book a table in [Soho](area)
      - reserve a table in [Chelsea](area) tonight
      - a table for two in [Camden](area) please
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-store-'));
  dirs.push(dir);
  return dir;
}

const artifactOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'models', 'concierge.model.json'), 'utf8'));

describe('loadOrTrainModel', () => {
  it('reuses the saved model while the bot definition is unchanged', () => {
    const dir = dataDir();
    loadOrTrainModel({ dataDir: dir, botYaml });
    const first = artifactOf(dir).trainedAt;
    const model = loadOrTrainModel({ dataDir: dir, botYaml });
    expect(artifactOf(dir).trainedAt).toBe(first);
    expect(model.parse('book a table in Soho').intent.name).toBe('book_table');
  });

  it('retrains a model that an older engine saved for the same bot definition', () => {
    const dir = dataDir();
    loadOrTrainModel({ dataDir: dir, botYaml });
    const file = path.join(dir, 'models', 'concierge.model.json');
    const old = artifactOf(dir);
    fs.writeFileSync(file, JSON.stringify({ ...old, model: { ...old.model, version: 1 } }));
    const messages: string[] = [];
    const model = loadOrTrainModel({ dataDir: dir, botYaml, onProgress: (m) => messages.push(m) });
    expect(messages.join('\n')).toMatch(/version 1.*retrain/);
    expect(model.parse('reserve a table in Camden').intent.name).toBe('book_table');
    const saved = artifactOf(dir);
    expect(saved.botHash).toBe(botHash(botYaml));
    expect(saved.model.version).toBe(old.model.version);
  });
});
