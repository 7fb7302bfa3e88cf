import type { ModelCount } from "../count/index.js";
import type { ShapeReport } from "../shapes/index.js";
import type { Dtype } from "./dtypes.js";
import type { TrainingRecipe } from "./recipe.js";

/** Where the bytes go, in the order reports list them. */
export const CATEGORIES = ["weights", "buffers", "gradients", "optimizerState", "masterWeights", "activations"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, string> = {
  weights: "weights",
  buffers: "buffers",
  gradients: "gradients",
  optimizerState: "optimizer state",
  masterWeights: "master weights",
  activations: "activations",
};

/** Elements of one dtype in one role, and the bytes they take: one term of an explained sum. */
export interface StorageTerm {
  /** What the elements are: `params`, `elements` (of buffers), `exp_avg elements`, `nf4 scales`. */
  what: string;
  dtype: string;
  bits: number;
  elements: number;
  bytes: number;
}

/** Integer byte counts by category, and their total. */
export type MemoryFigures = Record<Category | "total", number>;

export function figuresOf(bytes: (category: Category) => number): MemoryFigures {
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, bytes(category)])) as Record<Category, number>;
  return { ...byCategory, total: CATEGORIES.reduce((sum, category) => sum + byCategory[category], 0) };
}

export type MemoryTerms = Record<Category, StorageTerm[]>;

/** One layer entry's memory, per instance. */
export interface LayerMemory {
  bytes: MemoryFigures;
  terms: MemoryTerms;
  /** The dtype of each parameter and buffer, in the order of the layer's lists. */
  parameterDtypes: Dtype[];
  bufferDtypes: Dtype[];
}

export interface MemoryBreakdown {
  recipe: TrainingRecipe;
  bytes: MemoryFigures;
  terms: MemoryTerms;
  /** Per GPU, when the training is spread over more than one. */
  perGpu?: MemoryFigures;
  /** In the order of the count's layers. */
  layers: LayerMemory[];
}

/** A counted model with its memory, which exists when a training recipe is given (in the spec or on the command line). */
export interface AnalyzedModel extends ModelCount {
  memory?: MemoryBreakdown;
  /** Output shapes, MACs and activation memory, when the spec gives an `input:`. */
  shapes?: ShapeReport;
}
