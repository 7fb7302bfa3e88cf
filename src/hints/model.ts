import type { Value } from "../parse/values.js";
import { bindArguments, findLayer, type LayerArguments } from "../catalogue/index.js";
import { DIAGNOSTICS, type DiagnosticName } from "../diagnostics/index.js";
import { tensorBytes } from "../memory/index.js";
import { formatPath, type ForwardStep, type ModuleNode, type PathSegment, type ResolvedLayer, type TreeNode } from "../resolve/index.js";
import type { Hint, HintContext, Saving } from "./types.js";

/** A module of the tree with its path. */
export interface ModuleAt {
  node: ModuleNode;
  segments: PathSegment[];
}

/** Every module of the tree, the root first, each with its path. */
export function modulesOf(root: ModuleNode): ModuleAt[] {
  const found: ModuleAt[] = [];
  const visit = (node: ModuleNode, segments: PathSegment[]) => {
    found.push({ node, segments });
    for (const child of node.children) if (child.kind === "module") visit(child, [...segments, ...child.own]);
  };
  visit(root, []);
  return found;
}

/** The children `residual:` calls aside from the main path: its shortcut and its `then` steps. */
function residualNames(module: ModuleNode): Set<string> {
  const { residual } = module.topology;
  return new Set([residual?.shortcut, ...(residual?.then ?? [])].flatMap((step) => (step?.kind === "child" ? [step.name] : [])));
}

/**
 * The steps of a module's main path, as shape inference runs them: its `forward:`, or its children in
 * registration order but those `residual:` calls aside (a repeat split by its index is one step).
 */
export function mainPath(module: ModuleNode): ForwardStep[] {
  if (module.topology.forward) return module.topology.forward;
  const aside = residualNames(module);
  return module.children
    .filter((child, i) => !aside.has(child.name) && module.children[i - 1]?.name !== child.name)
    .map((child) => ({ kind: "child", name: child.name, position: child.position }));
}

/** The steps of a path with the chains bindings hold spelled out: `- h: [ln, attention(...)]` is ln, then attention(...). */
export function flatSteps(steps: readonly ForwardStep[]): ForwardStep[] {
  return steps.flatMap((step) => (step.kind === "bind" ? flatSteps(step.steps) : [step]));
}

/** The names a value mentions: a bare word, a list's items, a nested call and its arguments. */
function namesIn(value: Value): string[] {
  if (value.kind === "symbol") return [value.name];
  if (value.kind === "tuple") return value.items.flatMap(namesIn);
  if (value.kind === "layer") return [value.call.type, ...value.call.args.flatMap((arg) => namesIn(arg.value))];
  return [];
}

/**
 * The children a step may call: a child by name, one given operands (`expand1x1(x)`), those an op
 * (`attention(q_proj, k_proj, v_proj)`) names as arguments, and a binding's steps'.
 */
export function namesCalled(step: ForwardStep | undefined): string[] {
  if (!step) return [];
  if (step.kind === "child") return [step.name];
  if (step.kind === "bind") return step.steps.flatMap(namesCalled);
  return [step.call.type, ...step.call.args.flatMap((arg) => namesIn(arg.value))];
}

/** How many times each child name is called by the module's main path, its residual and their ops. */
export function callsByName(module: ModuleNode): Map<string, number> {
  const { residual } = module.topology;
  const steps = [...mainPath(module), ...(residual?.shortcut ? [residual.shortcut] : []), ...(residual?.then ?? [])];
  const calls = new Map<string, number>();
  for (const name of steps.flatMap(namesCalled)) calls.set(name, (calls.get(name) ?? 0) + 1);
  return calls;
}

/** The leaf layer entries at and below a node. */
export function leavesOf(node: TreeNode): number[] {
  return node.kind === "leaf" ? [node.layer] : node.children.flatMap(leavesOf);
}

/** A layer's call bound to its signature; counting has bound it before, so it binds. */
export function argumentsOf(layer: ResolvedLayer): LayerArguments {
  return bindArguments(findLayer(layer.call), layer.call, findLayer);
}

/** The bytes of `elements` values of a layer's tensor, at that tensor's dtype (fp32 without a recipe). */
export function bytesOf(context: HintContext, layer: number, tensor: string, elements: number): number {
  const index = context.count.layers[layer]!.parameters.findIndex((candidate) => candidate.name === tensor);
  return tensorBytes(context.memory.layers[layer]!.parameterDtypes[index]!, elements);
}

/** The parameters a layer entry owns (those tied to another are counted there), over all its instances, and their bytes. */
export function ownedSaving(context: HintContext, layer: number): Saving {
  const counted = context.count.layers[layer]!;
  const owned = counted.parameters.filter((tensor) => tensor.sharedWith === undefined);
  return {
    params: owned.reduce((sum, tensor) => sum + tensor.numel, 0) * counted.count,
    bytes: owned.reduce((sum, tensor) => sum + bytesOf(context, layer, tensor.name, tensor.numel), 0) * counted.count,
  };
}

/** Whether a layer multiplies in 16 bits: its weights are 16-bit floats, or autocast computes in 16 bits. */
export function computesInHalf(context: HintContext, layer: number): boolean {
  const weights = context.memory.layers[layer]?.parameterDtypes[0];
  const activations = context.memory.recipe.precision.value.activations;
  const half = (dtype: { bits: number; floating: boolean } | undefined) => dtype?.floating === true && dtype.bits === 16;
  return half(weights) || half(activations);
}

/** A hint of a registered kind, with the kind's code, severity and fix. */
export function makeHint(name: DiagnosticName, at: { path: string; position: Hint["position"]; layers: number[] }, message: string, saves: Saving): Hint {
  const { code, severity, fix } = DIAGNOSTICS[name];
  return { name, code, severity, path: at.path, position: at.position, layers: at.layers, message, fix, saves };
}

/** A leaf entry as the place of a hint. */
export function atLayer(context: HintContext, layer: number): { path: string; position: Hint["position"]; layers: number[] } {
  const entry = context.resolved.layers[layer]!;
  return { path: entry.path, position: entry.position, layers: [layer] };
}

export { formatPath };
