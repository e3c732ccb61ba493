// Loads the concierge's NLU model for a data folder, training it first when the bot definition changed.
import type { NluModel } from '@concierge/nlu';
import { readBotDefinition } from './nlu/bot-definition.js';
import { loadOrTrainModel } from './nlu/model-store.js';

/**
 * Call once at start (or at build time); `<dataDir>/models/concierge.model.json` is reused while the
 * bot definition's hash is unchanged.
 * @example const model = loadChatModel({ dataDir: config.dataDir });
 */
export function loadChatModel(options: {
  dataDir: string;
  /** The bot definition; defaults to the one beside this module (a bundle passes its shipped copy). */
  botFile?: string;
  onProgress?: (message: string) => void;
}): NluModel {
  return loadOrTrainModel({
    dataDir: options.dataDir,
    botYaml: readBotDefinition(options.botFile),
    onProgress: options.onProgress,
  });
}
