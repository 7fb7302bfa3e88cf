import { checked, type ModelCount } from "../count/index.js";
import { didYouMean, SpecError, type SourcePosition } from "../diagnostics/index.js";
import { evaluate, type PositionAt } from "../resolve/evaluate.js";
import type { ModuleNode, ResolvedInput, ResolvedModel, ResolvedServing, TreeNode } from "../resolve/index.js";
import { parsedAt } from "../resolve/scope.js";
import { parseExpression } from "../parse/expression.js";
import { ATTENTION_IMPLEMENTATIONS, type AttentionImplementation, type CacheRecord, type PrefillPeak, type ShapeReport } from "../shapes/index.js";
import { computeMemory } from "./breakdown.js";
import { dtypeNamed, parseDtype, type Dtype } from "./dtypes.js";
import { FP32, PRECISIONS } from "./precision.js";
import { batchSize, wholeNumber, type Sourced } from "./recipe.js";

export { ATTENTION_IMPLEMENTATIONS, type AttentionImplementation } from "../shapes/index.js";
export const KV_WINDOWS = ["full", "cap"] as const;
export type KvWindow = (typeof KV_WINDOWS)[number];
export const LOGITS = ["all", "last"] as const;
export type Logits = (typeof LOGITS)[number];

/** The serving settings of one source, the spec's `serving:` or the command line; unset ones are absent. */
export interface ServingSettings {
  context?: Sourced<number>;
  batch?: Sourced<number>;
  /** Weights without a dtype of their own. */
  dtype?: Sourced<Dtype>;
  kvDtype?: Sourced<Dtype>;
  attention?: Sourced<AttentionImplementation>;
  kvWindow?: Sourced<KvWindow>;
  /** The positions the prefill computes logits for: every one (transformers 5's forward) or the last (generate()). */
  logits?: Sourced<Logits>;
  /** Bytes the user allows for what is not computed. */
  overhead?: Sourced<number>;
}

export type ServingRecipe = Required<Omit<ServingSettings, "context">> & {
  /** Tokens per sequence; absent for a model whose input is not token ids. */
  context?: Sourced<number>;
};

/** The option names, as flags (`--kv-dtype`) and the `serving:` keys write them. */
export const SERVING_OPTIONS = ["context", "batch", "dtype", "kv-dtype", "attention", "kv-window", "logits", "overhead"] as const;
export type ServingOption = (typeof SERVING_OPTIONS)[number];

const where = (position: SourcePosition) => `${position.file}:${position.line}:${position.col}`;

function choice<T extends string>(text: string, allowed: readonly T[], position: SourcePosition, what: string): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new SpecError("invalid-recipe-value", position, `unknown ${what} '${text}'`, didYouMean(text, allowed) ?? `use one of ${allowed.join(", ")}`);
}

function positive(value: number, position: SourcePosition, what: string): number {
  if (value < 1) throw new SpecError("invalid-recipe-value", position, `the ${what} is at least 1, got ${value}`);
  return value;
}

export function servingSettingsFromSpec(serving: ResolvedServing | undefined): ServingSettings {
  const settings: ServingSettings = {};
  if (!serving) return settings;
  const { context, batch, dtype, kvDtype, attention, kvWindow, logits, overhead } = serving;
  if (context) settings.context = { value: positive(context.value, context.position, "context"), from: where(context.position) };
  if (batch) settings.batch = { value: batchSize(batch.value, batch.position), from: where(batch.position) };
  if (dtype) settings.dtype = { value: parseDtype(dtype), from: where(dtype.position) };
  if (kvDtype) settings.kvDtype = { value: parseDtype(kvDtype), from: where(kvDtype.position) };
  if (attention)
    settings.attention = { value: choice(attention.value, ATTENTION_IMPLEMENTATIONS, attention.position, "attention implementation"), from: where(attention.position) };
  if (kvWindow) settings.kvWindow = { value: choice(kvWindow.value, KV_WINDOWS, kvWindow.position, "kv-window"), from: where(kvWindow.position) };
  if (logits) settings.logits = { value: choice(logits.value, LOGITS, logits.position, "logits"), from: where(logits.position) };
  if (overhead) settings.overhead = { value: overhead.value, from: where(overhead.position) };
  return settings;
}

/** Settings given as text (flags, action inputs); errors are SpecErrors whose file is the option's label. */
export function servingSettingsFromOptions(values: Partial<Record<ServingOption, string>>, label: (option: ServingOption) => string): ServingSettings {
  const settings: ServingSettings = {};
  for (const option of SERVING_OPTIONS) {
    const text = values[option];
    if (text === undefined) continue;
    const from = label(option);
    const positionAt: PositionAt = (offset) => ({ file: from, line: 1, col: offset + 1 });
    const position = positionAt(0);
    const dtype = () => parseDtype({ value: evaluate(parsedAt(positionAt, text, parseExpression), new Map(), positionAt, text, true), position });
    if (option === "context") settings.context = { value: positive(wholeNumber(text, position, "the context"), position, "context"), from };
    if (option === "batch") settings.batch = { value: batchSize(wholeNumber(text, position, "the batch"), position), from };
    if (option === "overhead") settings.overhead = { value: wholeNumber(text, position, "the overhead in bytes"), from };
    if (option === "dtype") settings.dtype = { value: dtype(), from };
    if (option === "kv-dtype") settings.kvDtype = { value: dtype(), from };
    if (option === "attention") settings.attention = { value: choice(text, ATTENTION_IMPLEMENTATIONS, position, "attention implementation"), from };
    if (option === "kv-window") settings.kvWindow = { value: choice(text, KV_WINDOWS, position, "kv-window"), from };
    if (option === "logits") settings.logits = { value: choice(text, LOGITS, position, "logits"), from };
  }
  return settings;
}

/**
 * The token input the serving context sizes: the spec's input when it is token ids, or of several
 * named inputs the last one that is (the decoder's, by the `{src, tgt}` convention: an encoder's
 * input comes first); undefined when no input is token ids.
 */
export function contextInput(model: ResolvedModel): (ResolvedInput & { name?: string }) | undefined {
  const inputs: (ResolvedInput & { name?: string })[] = model.inputs ?? (model.input ? [model.input] : []);
  return inputs.filter((input) => input.value.kind === "tokens").at(-1);
}

/**
 * The spec's settings with the overrides on top, and defaults for the rest: the spec's input
 * length as the context, one sequence, bfloat16 weights, the KV cache in the weights' dtype (bfloat16
 * under quantized weights), SDPA, uncapped sliding windows, logits at every position, no overhead.
 */
export function servingRecipe(model: ResolvedModel, spec: ServingSettings, overrides: ServingSettings): ServingRecipe {
  const dtype = overrides.dtype ?? spec.dtype ?? { value: dtypeNamed("bfloat16"), from: "default" };
  const input = contextInput(model);
  const inputContext = input?.value.kind === "tokens" ? { value: input.value.length, from: `${where(input.position)} (input:${input.name ? ` ${input.name}` : ""})` } : undefined;
  const context = input ? (overrides.context ?? spec.context ?? inputContext) : undefined;
  return {
    ...(context ? { context } : {}),
    batch: overrides.batch ?? spec.batch ?? { value: 1, from: "default" },
    dtype,
    kvDtype: overrides.kvDtype ?? spec.kvDtype ?? { value: dtype.value.floating ? dtype.value : dtypeNamed("bfloat16"), from: "default" },
    attention: overrides.attention ?? spec.attention ?? { value: "sdpa", from: "default" },
    kvWindow: overrides.kvWindow ?? spec.kvWindow ?? { value: "full", from: "default" },
    logits: overrides.logits ?? spec.logits ?? { value: "all", from: "default" },
    overhead: overrides.overhead ?? spec.overhead ?? { value: 0, from: "default" },
  };
}

/** The dtype the forward computes in: the weights' when floating, bfloat16 under quantized weights (bitsandbytes' compute dtype). */
export function computeDtype(recipe: ServingRecipe): Dtype {
  return recipe.dtype.value.floating ? recipe.dtype.value : dtypeNamed("bfloat16");
}

/** Bytes one call instance caches per token: its elements, and a block format's scales per group of each head's vector. */
export function cacheBytesPerToken(cache: CacheRecord, dtype: Dtype): number {
  const values = Math.ceil((cache.elementsPerToken * dtype.bits) / 8);
  if (!dtype.block) return values;
  const groups = cache.vectors * Math.ceil(cache.elementsPerToken / cache.vectors / dtype.block.size);
  return values + (groups * dtype.block.scale.bits) / 8;
}

/** One cache of the model: its layers' instances, bytes per token and window, or a cross-attention's encoder positions. */
export interface CacheGroup {
  kind: CacheRecord["kind"];
  instances: number;
  bytesPerToken: number;
  window?: number;
  /** A cross-attention's cache holds this many positions of the encoder's output per sequence, whatever the context. */
  tokens?: number;
}

export interface ServingFigures {
  weights: number;
  buffers: number;
  /** KV cache bytes per token of one sequence, below any sliding window; cross-attention caches are not per token. */
  kvCachePerToken: number;
  /** Everything the cache holds: the per-token caches at the context, and the cross-attention caches. */
  kvCache: number;
  /** The part of kvCache that cross-attention keeps: keys and values over the encoder's output, once per sequence. */
  crossKvCache: number;
  /** The fixed state of state-space layers per sequence (MambaCache's conv and SSM states, in the compute dtype), whatever the context. */
  statePerSequence: number;
  /** batch × statePerSequence. */
  state: number;
  prefillPeak: number;
  overhead: number;
  total: number;
}

export interface ServingBreakdown {
  recipe: ServingRecipe;
  bytes: ServingFigures;
  caches: CacheGroup[];
  prefill: PrefillPeak;
}

/** The caches the forward's attention calls keep, grouped by bytes per token and window. */
export function cacheGroups(shapes: ShapeReport, kvDtype: Dtype): CacheGroup[] {
  const groups: CacheGroup[] = [];
  for (const call of shapes.calls) {
    if (!call.cache) continue;
    const bytesPerToken = cacheBytesPerToken(call.cache, kvDtype);
    const { kind, window, tokens } = call.cache;
    const same = groups.find((group) => group.kind === kind && group.bytesPerToken === bytesPerToken && group.window === window && group.tokens === tokens);
    if (same) same.instances += call.instances;
    else groups.push({ kind, instances: call.instances, bytesPerToken, ...(window === undefined ? {} : { window }), ...(tokens === undefined ? {} : { tokens }) });
  }
  return groups;
}

/**
 * The KV cache of `batch` sequences of `context` tokens: a capped sliding-window layer keeps at most its
 * window, and a cross-attention its encoder positions, whatever the context.
 */
export function kvCacheBytes(groups: readonly CacheGroup[], context: number, batch: number, window: KvWindow): number {
  return groups.reduce((sum, group) => {
    const tokens = group.tokens ?? (window === "cap" && group.window !== undefined ? Math.min(context, group.window) : context);
    return sum + batch * group.instances * group.bytesPerToken * tokens;
  }, 0);
}

/**
 * The fixed state of the state-space layers of one sequence: conv1d's last kernel_size inputs and the
 * scan's state per layer, in the dtype the model computes in, as transformers' MambaCache allocates
 * them (dtype=inputs_embeds.dtype): the KV dtype does not apply.
 */
export function statePerSequence(shapes: ShapeReport, dtype: Dtype): number {
  return shapes.calls.reduce((sum, call) => sum + (call.state ? call.instances * Math.ceil(((call.state.conv + call.state.ssm) * dtype.bits) / 8) : 0), 0);
}

/** The weights and buffers in the serving dtypes: floating tensors in the compute dtype, weight matrices in a quantized one. */
export function servingWeights(count: ModelCount, recipe: ServingRecipe): { weights: number; buffers: number } {
  const compute = computeDtype(recipe);
  const precision = PRECISIONS.find((candidate) => candidate.weights.name === compute.name && !candidate.masterWeights) ?? FP32;
  const memory = computeMemory(count, {
    dtype: recipe.dtype,
    precision: { value: precision, from: recipe.dtype.from },
    gpus: { value: 1, from: "default" },
    zero: { value: 0, from: "default" },
    attention: recipe.attention,
    batch: recipe.batch,
    checkpointing: { value: "none", from: "default" },
  });
  return { weights: memory.bytes.weights, buffers: memory.bytes.buffers };
}

/** The serving figures at one shape; `shapes` is the forward at that shape with the prefill peak. */
export function servingFigures(count: ModelCount, shapes: ShapeReport, recipe: ServingRecipe, weights: { weights: number; buffers: number }): ServingBreakdown {
  const caches = cacheGroups(shapes, recipe.kvDtype.value);
  const position = { file: count.file, line: 1, col: 1 };
  const context = recipe.context?.value ?? 0;
  const perToken = caches.filter((group) => group.tokens === undefined);
  const cross = caches.filter((group) => group.tokens !== undefined);
  const kvCachePerToken = perToken.reduce((sum, group) => sum + group.instances * group.bytesPerToken, 0);
  const crossKvCache = checked(kvCacheBytes(cross, context, recipe.batch.value, recipe.kvWindow.value), position, "the cross-attention cache bytes");
  const kvCache = checked(kvCacheBytes(caches, context, recipe.batch.value, recipe.kvWindow.value), position, "the KV cache bytes");
  const prefill = shapes.prefill ?? { bytes: 0, at: "", parts: [] };
  const overhead = recipe.overhead.value;
  const perSequence = statePerSequence(shapes, computeDtype(recipe));
  const state = checked(recipe.batch.value * perSequence, position, "the state-space layers' state");
  const total = checked(weights.weights + weights.buffers + kvCache + state + prefill.bytes + overhead, position, "the serving memory");
  return {
    recipe,
    bytes: { ...weights, kvCachePerToken, kvCache, crossKvCache, statePerSequence: perSequence, state, prefillPeak: prefill.bytes, overhead, total },
    caches,
    prefill,
  };
}

const LEAVES_WITH_HIDDEN_ATTENTION = new Set([
  "MultiheadAttention",
  "TransformerEncoderLayer",
  "TransformerDecoderLayer",
  "TransformerEncoder",
  "TransformerDecoder",
  "Transformer",
]);

function findModule(node: TreeNode, matches: (node: ModuleNode) => boolean): ModuleNode | undefined {
  if (node.kind !== "module") return undefined;
  if (matches(node)) return node;
  for (const child of node.children) {
    const found = findModule(child, matches);
    if (found) return found;
  }
  return undefined;
}

/**
 * The attention the serving forward runs must be visible: a layer whose attention runs inside it
 * (MultiheadAttention, nn.Transformer's layers) is not followed, and a token model without an
 * attention(...) call has its attention hidden in modules run as a plain chain, which would read as no
 * KV cache at all. Both are errors that say what to write.
 */
export function checkAttentionVisible(model: ResolvedModel, shapes: ShapeReport): void {
  const hidden = shapes.calls.find((call) => LEAVES_WITH_HIDDEN_ATTENTION.has(call.type) && call.layer !== undefined);
  if (hidden) {
    throw new SpecError(
      "serving-unsupported",
      model.layers[hidden.layer!]!.position,
      `serving memory does not follow ${hidden.type}'s attention inside: the prefill peak would miss its scores, and torch.nn's module keeps no KV cache to decode with, so a cache figure would be a guess`,
      "write the attention with attention(q, k, v, heads=...) over Linear children, as transformers' modeling code does, or report without --serve and serving:",
    );
  }
  const tokens = contextInput(model);
  if (!tokens || shapes.calls.some((call) => call.type === "attention" || call.type === "mla" || call.type === "ssm")) return;
  if (shapes.calls.some((call) => /^(RNN|LSTM|GRU)$/.test(call.type))) return;
  const module = findModule(model.tree, (node) => /att(n|ention)/i.test(node.name));
  throw new SpecError(
    "attention-not-visible",
    module?.position ?? tokens.position,
    module
      ? `${module.name} runs its children one after another: the KV cache is derived from attention(...) or mla(...) in forward:, and there is none`
      : "no attention(...), mla(...) or ssm(...) op runs in this token model's forward: the KV cache (or a state-space layer's state) cannot be derived",
    `call the projections through attention(...), e.g. forward: ["attention(q_proj, k_proj, v_proj, heads=32, kv_heads=8, causal=True)", o_proj]`,
  );
}
