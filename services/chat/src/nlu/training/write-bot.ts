// Writes services/chat/bot/concierge.bot.yaml from the templates: `npx tsx services/chat/src/nlu/training/write-bot.ts`.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { botDefinitionFile } from '../bot-definition.js';
import { buildBotYaml } from './bot-source.js';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(botDefinitionFile, buildBotYaml());
  console.log(`wrote ${botDefinitionFile}`);
}
