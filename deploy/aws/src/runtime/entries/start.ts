// Cold start of one function: settings, adapters and the OpenAPI document shipped in the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { readFunctionEnv } from '../env.js';
import type { ServiceContext } from '../functions/context.js';
import { awsResources } from '../resources.js';

export async function coldStart(name: string): Promise<ServiceContext> {
  const env = readFunctionEnv();
  const resources = await awsResources(env, name);
  const document = JSON.parse(fs.readFileSync(path.join(env.codeDir, 'openapi.json'), 'utf8'));
  return { ...resources, document };
}
