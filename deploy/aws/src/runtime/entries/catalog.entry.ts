// Lambda entry of the catalog function (bundled by deploy/aws/bundle.ts).
import { catalogFunctions } from '../functions/catalog.functions.js';
import { coldStart } from './start.js';

const functions = await catalogFunctions(await coldStart('catalog'));
export const http = functions.http;
