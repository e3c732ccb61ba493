// Public API of @concierge/nlu: import data, train, parse, serialize and evaluate.
export { extractBuiltins } from './builtins/index.js';
export { type CrossValidationReport, crossValidate } from './eval/cross-validate.js';
export { type EvaluationReport, evaluate } from './eval/evaluate.js';
export { type Prediction, type Scores, score } from './eval/metrics.js';
export { stratifiedSplit } from './eval/split.js';
export {
  type DatasetFormat,
  detectFormat,
  importBotYaml,
  importDataset,
  importJsonl,
  importRasa,
  importSnips,
} from './importers/index.js';
export { type ModelJSON, NluModel } from './model/model.js';
export type { TaggerMode, TrainOptions } from './model/options.js';
export { train } from './model/train.js';
export { type Token, tokenize } from './text/tokenize.js';
export type * from './types.js';
