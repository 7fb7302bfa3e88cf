import type { EvaluatedCall } from "../parse/values.js";
import type { ModuleNode, PathSegment } from "../resolve/index.js";
import { opArguments } from "../shapes/index.js";
import { argumentsOf, atLayer, flatSteps, formatPath, mainPath, makeHint, modulesOf } from "./model.js";
import type { Hint, HintContext } from "./types.js";

/** FlashAttention and tensor-core kernels take head sizes that are multiples of 8. */
const HEAD_MULTIPLE = 8;

/** What is wrong with a head layout, or undefined when nothing is. */
function headProblem(width: number, heads: number, kvHeads: number): string | undefined {
  const problems: string[] = [];
  const headSize = width / heads;
  if (Number.isInteger(headSize) && headSize % HEAD_MULTIPLE !== 0) problems.push(`a head size of ${width} / ${heads} = ${headSize}, not a multiple of ${HEAD_MULTIPLE}`);
  if (heads % kvHeads !== 0) problems.push(`${heads} query heads that ${kvHeads} key/value heads do not divide into equal groups`);
  return problems.length ? problems.join(", and ") : undefined;
}

/** MultiheadAttention layers: embed_dim over num_heads. */
function multiheadHints(context: HintContext): Hint[] {
  return context.resolved.layers.flatMap((entry, layer) => {
    if (entry.call.type !== "MultiheadAttention") return [];
    const args = argumentsOf(entry);
    const problem = headProblem(args.int("embed_dim"), args.int("num_heads"), args.int("num_heads"));
    return problem ? [makeHint("attention-head-size", atLayer(context, layer), `${entry.path} has ${problem}`, { params: 0, bytes: 0 })] : [];
  });
}

/** An `attention(q, k, v, heads=, kv_heads=)` op of a module's forward: the query projection's width over the heads. */
function opHint(context: HintContext, module: ModuleNode, segments: PathSegment[], call: EvaluatedCall): Hint[] {
  const args = opArguments(call);
  const query = args && module.children.find((child) => child.name === args.string("q"));
  if (!args || query?.kind !== "leaf" || context.resolved.layers[query.layer]!.call.type !== "Linear") return [];
  const packed = args.isNone("k") && args.isNone("v");
  const outputs = argumentsOf(context.resolved.layers[query.layer]!).int("out_features");
  // A packed projection (GPT-2's c_attn) makes queries, keys and values of a third of its width each.
  const width = packed ? outputs / 3 : outputs;
  const heads = args.int("heads");
  const problem = Number.isInteger(width) ? headProblem(width, heads, args.optionalInt("kv_heads") ?? heads) : undefined;
  if (!problem) return [];
  const path = formatPath(segments) || context.resolved.model;
  return [makeHint("attention-head-size", { path, position: call.position, layers: [query.layer] }, `${call.text} in ${path} has ${problem}`, { params: 0, bytes: 0 })];
}

export function attentionHeadSize(context: HintContext): Hint[] {
  const ops = modulesOf(context.resolved.tree).flatMap(({ node, segments }) =>
    flatSteps(mainPath(node)).flatMap((step) => (step.kind === "op" && step.call.type === "attention" ? opHint(context, node, segments, step.call) : [])),
  );
  return [...multiheadHints(context), ...ops];
}
