// Reads the committed bot definition shipped beside the service.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const botDefinitionFile = fileURLToPath(new URL('../../bot/concierge.bot.yaml', import.meta.url));

export function readBotDefinition(file = botDefinitionFile): string {
  return fs.readFileSync(file, 'utf8');
}
