// Lambda entry of the chat function (bundled by deploy/aws/bundle.ts).
import { chatFunctions } from '../functions/chat.functions.js';
import { coldStart } from './start.js';

const functions = await chatFunctions(await coldStart('chat'));
export const http = functions.http;
