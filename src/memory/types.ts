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
  // Written out in CATEGORIES' order, not built from entries and spread: this runs for every layer entry.
  const figures: MemoryFigures = {
    weights: bytes("weights"),
    buffers: bytes("buffers"),
    gradients: bytes("gradients"),
    optimizerState: bytes("optimizerState"),
    masterWeights: bytes("masterWeights"),
    activations: bytes("activations"),
    total: 0,
  };
  for (const category of CATEGORIES) figures.total += figures[category];
  return figures;
}

export type MemoryTerms = Record<Category, StorageTerm[]>;
