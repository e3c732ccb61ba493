// `cdk synth` / `cdk deploy` entry point (cdk.json): the bundles must exist (`node bundle.mjs`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/stack/app.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { app } = buildApp({
  root: path.resolve(here, '../../..'),
  codeDir: path.resolve(here, '../dist/lambda'),
});
app.synth();
