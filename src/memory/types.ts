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
