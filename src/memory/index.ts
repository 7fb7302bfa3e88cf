/**
 * Training and inference memory, exact to the byte: the bytes of weights, buffers, gradients,
 * optimizer state and master weights of a counted model under a training recipe (optimizer,
 * precision, dtypes, ZeRO sharding), with the arithmetic behind each figure.
 */
export { computeMemory, tensorBytes, type LayerMemory, type MemoryBreakdown } from "./breakdown.js";
export { DEFAULT_EXPERTS, hasLayout, withLayout, type LayerPlacement, type ParallelLayout, type ParallelMemory, type StageMemory } from "./parallel.js";
export { TP_STYLES, type PlanRule, type TpStyle } from "./tensor-plan.js";
export { describeDtype, dtypeNames, parseDtype, type Dtype } from "./dtypes.js";
export { categoryLines, modelMemoryLines, recipeLines, weightsAndState } from "./explain.js";
export { OPTIMIZERS, bindOptimizer, optimizerState, type BoundOptimizer, type OptimizerDefinition, type StateTensor } from "./optimizers.js";
export { PRECISIONS, findPrecision, type Precision } from "./precision.js";
export {
  PARALLEL_DEGREES,
  TRAINING_OPTIONS,
  setsTraining,
  settingsFromOptions,
  settingsFromSpec,
  trainingRecipe,
  type Sourced,
  type TrainingOption,
  type TrainingRecipe,
  type TrainingSettings,
} from "./recipe.js";
export { ACCELERATORS, acceleratorTable, type Accelerator } from "./accelerators.js";
export { isSharded, perGpu, type ZeroStage } from "./sharding.js";
export { CATEGORIES, CATEGORY_NAMES, type Category, type MemoryFigures, type StorageTerm } from "./types.js";
export {
  ATTENTION_IMPLEMENTATIONS,
  KV_WINDOWS,
  LOGITS,
  SERVING_OPTIONS,
  cacheBytesPerToken,
  checkAttentionVisible,
  computeDtype,
  contextInput,
  servingFigures,
  servingRecipe,
  servingSettingsFromOptions,
  servingSettingsFromSpec,
  servingWeights,
  type AttentionImplementation,
  type CacheGroup,
  type KvWindow,
  type Logits,
  type ServingBreakdown,
  type ServingFigures,
  type ServingOption,
  type ServingRecipe,
  type ServingSettings,
} from "./serving.js";
