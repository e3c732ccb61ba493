// Format detection so callers can hand over any supported file's contents.
import type { Dataset } from '../types.js';
import { importBotYaml } from './bot-yaml.js';
import { importJsonl } from './jsonl.js';
import { importRasa } from './rasa.js';
import { importSnips } from './snips.js';

export type DatasetFormat = 'jsonl' | 'snips' | 'rasa' | 'bot';

/**
 * Guesses the format from the file name and, for YAML, from its top-level keys.
 * @example
 * detectFormat('nlu.yml', 'version: "3.1"\nnlu: []'); // "rasa"
 */
export function detectFormat(fileName: string, source: string): DatasetFormat {
  if (fileName.endsWith('.jsonl')) return 'jsonl';
  if (fileName.endsWith('.json')) return 'snips';
  return /^nlu\s*:/m.test(source) ? 'rasa' : 'bot';
}

/**
 * Imports a dataset in the given format.
 * @example
 * const dataset = importDataset(source, detectFormat(fileName, source));
 */
export function importDataset(source: string, format: DatasetFormat): Dataset {
  switch (format) {
    case 'jsonl':
      return importJsonl(source);
    case 'snips':
      return importSnips(source);
    case 'rasa':
      return importRasa(source);
    case 'bot':
      return importBotYaml(source);
  }
}

export { importBotYaml, importJsonl, importRasa, importSnips };
