/** A spec file's data after schema validation: the shapes the schema guarantees. */
export interface SpecData {
  model?: string;
  include?: string | string[];
  vars?: Record<string, unknown>;
  blocks?: Record<string, { params?: Record<string, unknown>; layers: unknown[] }>;
  input?: unknown[] | { tokens: unknown } | Record<string, unknown[] | { tokens: unknown }>;
  layers?: unknown[];
  tie?: Record<string, string>;
  lint?: { ignore?: string[] };
  adapters?: Record<string, string | { config: string; rank_pattern?: Record<string, unknown>; alpha_pattern?: Record<string, unknown> }>;
  training?: {
    optimizer?: string;
    precision?: string;
    gpus?: number | string;
    zero?: number;
    dtype?: string;
    batch?: number | string;
    checkpointing?: string;
    attention?: string;
    main_grads?: string;
    parallel?: { tp?: number | string; pp?: number | string; ep?: number | string; cp?: number | string; plan?: Record<string, string>; experts?: string };
  };
  serving?: Partial<Record<"context" | "batch" | "dtype" | "kv-dtype" | "attention" | "kv-window" | "logits" | "overhead" | "trained-context", string | number>> & {
    accelerators?: Record<string, { memory: string | number; source?: string }>;
  };
}
