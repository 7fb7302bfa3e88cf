/**
 * PEFT adapters over a counted model, as `get_peft_model(model, config)` builds them: LoRA (and
 * DoRA) matrices beside the targeted layers, IA³ scaling vectors, trainable copies of
 * `modules_to_save`, every base parameter frozen. Names and matching follow PEFT 0.21: see
 * docs/moe-and-adapters.md for the sources.
 */
import { bindArguments, findLayer, type ArgumentSpec, type LayerArguments } from "../catalogue/index.js";
import { choiceOf } from "../diagnostics/choice.js";
import { SpecError, diagnostic, didYouMean, type Diagnostic, type SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedCall, Value } from "../parse/values.js";
import { formatPath, instanceCount, instancePaths, type PatternEntry, type ResolvedAdapter, type ResolvedLayer } from "../resolve/index.js";
import type { CountedTensor, LayerCount } from "./types.js";

/** The PEFT config classes model-budget applies. */
export const ADAPTER_TYPES = ["LoraConfig", "IA3Config"] as const;
type AdapterType = (typeof ADAPTER_TYPES)[number];
const BIAS = ["none", "all", "lora_only"] as const;

/** A module-name matcher as PEFT's target_modules: a list of names (suffixes on dot boundaries) or one regex (a full match). */
interface Matcher {
  names?: string[];
  regex?: RegExp;
  text: string;
  position: SourcePosition;
}

export interface BoundAdapter {
  name: string;
  type: AdapterType;
  /** The config as written. */
  text: string;
  position: SourcePosition;
  r: number;
  targets: Matcher;
  exclude?: Matcher;
  /** IA³: the targets whose vector scales the input rather than the output. */
  feedforward?: Matcher;
  modulesToSave: { names: string[]; position: SourcePosition };
  bias: (typeof BIAS)[number];
  useDora: boolean;
  loraBias: boolean;
  rankPattern: PatternEntry[];
}

const arg = (name: string, type: ArgumentSpec["type"], value: number | boolean | string | null): ArgumentSpec => ({ name, type, default: value });

/** The arguments of each config class that model-budget reads or accepts; the rest of PEFT's are refused by name. */
const SIGNATURES: Record<AdapterType, readonly ArgumentSpec[]> = {
  LoraConfig: [
    arg("r", "int", 8),
    arg("target_modules", "any", null),
    arg("lora_alpha", "int", 8),
    arg("lora_dropout", "float", 0),
    arg("bias", "string", "none"),
    arg("use_dora", "bool", false),
    arg("use_rslora", "bool", false),
    arg("lora_bias", "bool", false),
    arg("modules_to_save", "any", null),
    arg("exclude_modules", "any", null),
    arg("fan_in_fan_out", "bool", false),
    arg("init_lora_weights", "any", true),
    arg("task_type", "any", null),
    arg("inference_mode", "bool", false),
    arg("rank_pattern", "any", null),
    arg("alpha_pattern", "any", null),
    arg("layers_to_transform", "any", null),
  ],
  IA3Config: [
    arg("target_modules", "any", null),
    arg("feedforward_modules", "any", null),
    arg("modules_to_save", "any", null),
    arg("exclude_modules", "any", null),
    arg("fan_in_fan_out", "bool", false),
    arg("init_ia3_weights", "bool", true),
    arg("task_type", "any", null),
    arg("inference_mode", "bool", false),
  ],
};

const invalid = (position: SourcePosition, detail: string, hint: string) => new SpecError("invalid-adapter", position, detail, hint);

/** A list of quoted names, or (for target_modules) one regex string, as PEFT takes them. */
function matcherOf(args: LayerArguments, name: string, regexAllowed: boolean): Matcher | undefined {
  const value: Value = args.value(name);
  const position = args.position(name);
  if (value.kind === "none") return undefined;
  if (value.kind === "string" && regexAllowed) {
    if (value.value === "all-linear")
      throw invalid(position, "target_modules='all-linear' is not supported yet", "list the Linear layers' names: target_modules=['q_proj', 'k_proj', 'v_proj', 'o_proj']");
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${value.value})$`);
    } catch (error) {
      throw invalid(
        position,
        `${name} '${value.value}' is not a regular expression: ${(error as Error).message}`,
        "PEFT matches a string target_modules as a regex over the whole module name",
      );
    }
    return { regex, text: `'${value.value}'`, position };
  }
  const items = value.kind === "tuple" ? value.items : [value];
  const names = items.map((item) => (item.kind === "string" ? item.value : undefined));
  if (names.some((item) => item === undefined) || names.length === 0)
    throw invalid(position, `${name} is a list of quoted module names`, `write ${name}=['q_proj', 'v_proj']${regexAllowed ? ", or one quoted regex" : ""}`);
  return { names: names as string[], text: `[${names.map((item) => `'${item}'`).join(", ")}]`, position };
}

function refuseUnsupported(args: LayerArguments, type: AdapterType): void {
  const refused: Record<string, string> = {
    rank_pattern: "write rank_pattern under the spec's adapters: entry ({config: ..., rank_pattern: {q_proj: 16}}): the call syntax has no dicts",
    alpha_pattern: "write alpha_pattern under the spec's adapters: entry ({config: ..., alpha_pattern: {q_proj: 32}}): the call syntax has no dicts",
    layers_to_transform: "list the modules with target_modules (a regex can name layer indices) instead",
  };
  for (const [name, hint] of Object.entries(refused))
    if (args.has(name) && !args.isNone(name)) throw invalid(args.position(name), `${type}'s ${name} is not supported in the call`, hint);
}

/** Binds a PEFT config call (from the spec's `adapters:` or --adapter) to what the count needs. */
export function bindAdapter(config: EvaluatedCall, name = "default", patterns: ResolvedAdapter["patterns"] = { rank: [], alpha: [] }): BoundAdapter {
  if (!(ADAPTER_TYPES as readonly string[]).includes(config.type))
    throw invalid(config.position, `unknown adapter config '${config.type}'`, didYouMean(config.type, ADAPTER_TYPES) ?? `use one of ${ADAPTER_TYPES.join(", ")}`);
  const type = { value: config.type as AdapterType };
  const args = bindArguments({ type: type.value, signature: SIGNATURES[type.value] }, config, findLayer);
  refuseUnsupported(args, type.value);
  const targets = matcherOf(args, "target_modules", true);
  if (!targets)
    throw invalid(
      config.position,
      `${type.value} needs target_modules: model-budget does not know PEFT's per-architecture defaults`,
      "name the layers: target_modules=['q_proj', 'v_proj']",
    );
  const lora = type.value === "LoraConfig";
  const r = lora ? args.int("r") : 0;
  if (lora && r < 1) throw invalid(args.position("r"), `r is ${r}, and LoRA's rank is at least 1`, "give r=8 or another positive rank");
  const bias = lora ? choiceOf("bias", args.string("bias"), BIAS) : { value: "none" as const };
  if ("problem" in bias) throw invalid(args.position("bias"), bias.problem.split("\n")[0]!, didYouMean(args.string("bias"), BIAS) ?? "write bias='none', 'all' or 'lora_only'");
  const exclude = matcherOf(args, "exclude_modules", true);
  const feedforward = lora ? undefined : matcherOf(args, "feedforward_modules", true);
  const save = matcherOf(args, "modules_to_save", false);
  return {
    name,
    type: type.value,
    text: config.text,
    position: config.position,
    r,
    targets,
    ...(exclude ? { exclude } : {}),
    ...(feedforward ? { feedforward } : {}),
    modulesToSave: { names: save?.names ?? [], position: save?.position ?? config.position },
    bias: bias.value,
    useDora: lora && args.bool("use_dora"),
    loraBias: lora && args.bool("lora_bias"),
    rankPattern: patterns.rank,
  };
}

/** Module instances a regex (or a name with an index) may be tried on in one model: the cost stays bounded whatever the repeats. */
const MAX_TRIED = 1_000_000;
/** Instances tried so far in the current applyAdapter call. */
let tried = 0;

/**
 * How many of a layer entry's instances a test on the module name accepts: all, none, or some, which
 * is an error (the entry would need splitting). Tests on the symbolic path first when the answer
 * cannot depend on the instance; otherwise tries each instance's name.
 */
function instancesMatching(layer: ResolvedLayer, test: (key: string) => boolean, position: SourcePosition, what: string): boolean {
  const all = instanceCount(layer.segments);
  tried += all;
  if (tried > MAX_TRIED)
    throw invalid(
      position,
      `${what} would be tried on more than ${MAX_TRIED.toLocaleString("en-US")} module instances, one by one`,
      "use a list of names without indices (matched once per entry), or split the repeats",
    );
  const names = all === 1 ? [layer.path] : instancePaths(layer.path);
  const matched = names.filter(test).length;
  if (matched === 0 || matched === all) return matched === all;
  throw new SpecError(
    "adapter-partial-repeat",
    position,
    `${what} matches ${matched} of the ${all} instances of ${layer.path}`,
    "split the repeat so the adapted instances are an entry of their own, or match every instance",
  );
}

/** PEFT's check_target_module_exists: a regex string fully matches the module name; a list entry equals it or ends it after a dot. */
function matches(matcher: Matcher, key: string): boolean {
  if (matcher.regex) return matcher.regex.test(key);
  return matcher.names!.some((name) => key === name || key.endsWith(`.${name}`));
}

/** A layer entry's symbolic name is a list match for every instance or none when no listed name has an index in it. */
function matchesEntry(layer: ResolvedLayer, matcher: Matcher, what: string): boolean {
  const numeric = matcher.names?.some((name) => /(^|\.)\d+(\.|$)/.test(name));
  if (matcher.names && !numeric) return matches(matcher, layer.path);
  return instancesMatching(layer, (key) => matches(matcher, key), matcher.position, what);
}

/** The rank a layer gets: rank_pattern's first key that matches the end of its name (`(.*\.)?(key)$`), else r. */
function rankOf(layer: ResolvedLayer, adapter: BoundAdapter): number {
  for (const entry of adapter.rankPattern) {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:.*\\.)?(?:${entry.pattern})$`);
    } catch (error) {
      throw invalid(entry.position, `rank_pattern key '${entry.pattern}' is not a regular expression: ${(error as Error).message}`, "PEFT reads rank_pattern's keys as regexes");
    }
    if (entry.value < 1) throw invalid(entry.position, `rank ${entry.value} for '${entry.pattern}': LoRA's rank is at least 1`, "give a positive rank");
    if (instancesMatching(layer, (key) => regex.test(key), entry.position, `rank_pattern '${entry.pattern}'`)) return entry.value;
  }
  return adapter.r;
}

const tensor = (name: string, shape: number[]): CountedTensor => ({ name, shape, numel: shape.reduce((a, b) => a * b, 1), trainable: true, adapter: true });

/** The LoRA tensors PEFT adds to one Linear or Embedding layer, by PEFT's names. */
function loraTensors(layer: LayerCount, resolved: ResolvedLayer, adapter: BoundAdapter): CountedTensor[] {
  const weight = layer.parameters.find((candidate) => candidate.name === "weight")!;
  const r = rankOf(resolved, adapter);
  const name = adapter.name;
  if (layer.type === "Embedding") {
    if (adapter.useDora) throw invalid(adapter.targets.position, `use_dora on the Embedding ${layer.path} is not supported yet`, "target Linear layers with DoRA");
    const [rows, dim] = weight.shape as [number, number];
    return [tensor(`lora_embedding_A.${name}`, [r, rows]), tensor(`lora_embedding_B.${name}`, [dim, r])];
  }
  const [out, inputs] = weight.shape as [number, number];
  return [
    tensor(`lora_A.${name}.weight`, [r, inputs]),
    tensor(`lora_B.${name}.weight`, [out, r]),
    ...(adapter.loraBias ? [tensor(`lora_B.${name}.bias`, [out])] : []),
    ...(adapter.useDora ? [tensor(`lora_magnitude_vector.${name}.weight`, [out])] : []),
  ];
}

/** IA³'s learned vector: [out, 1] scaling a layer's output, or [1, in] scaling a feed-forward layer's input. */
function ia3Tensors(layer: LayerCount, resolved: ResolvedLayer, adapter: BoundAdapter): CountedTensor[] {
  const [out, inputs] = layer.parameters.find((candidate) => candidate.name === "weight")!.shape as [number, number];
  const feedforward = adapter.feedforward ? matchesEntry(resolved, adapter.feedforward, "feedforward_modules") : false;
  return [tensor(`ia3_l.${adapter.name}`, feedforward ? [1, inputs] : [out, 1])];
}

/** The layer types each config adapts, as PEFT's LoRA and IA³ layers do (Linear; LoRA also Embedding). */
const ADAPTED: Record<AdapterType, readonly string[]> = { LoraConfig: ["Linear", "Embedding"], IA3Config: ["Linear"] };

function isTarget(layer: LayerCount, resolved: ResolvedLayer, adapter: BoundAdapter): boolean {
  if (!matchesEntry(resolved, adapter.targets, "target_modules")) return false;
  if (adapter.exclude && matchesEntry(resolved, adapter.exclude, "exclude_modules")) return false;
  if (!ADAPTED[adapter.type].includes(layer.type))
    throw invalid(
      adapter.targets.position,
      `target_modules matches ${layer.path}, a ${layer.type}, which ${adapter.type} cannot adapt here`,
      `target ${ADAPTED[adapter.type].join(" or ")} layers; PEFT raises for this module too`,
    );
  return true;
}

/** The layers under a modules_to_save name: PEFT wraps every module whose name ends with it (a plain suffix) and all below it. */
function savedBy(resolved: ResolvedLayer, names: readonly string[]): boolean {
  return resolved.segments.some((_, end) => {
    const key = formatPath(resolved.segments.slice(0, end + 1));
    return names.some((name) => key.endsWith(name));
  });
}

/** The trainable copy modules_to_save makes of each of a layer's parameters, untied; a warning for each tie it undoes. */
function savedCopies(layer: LayerCount, adapter: BoundAdapter, tiedOwners: ReadonlySet<string>, warnings: Diagnostic[]): CountedTensor[] {
  return layer.parameters.map((original) => {
    if (original.sharedWith !== undefined || tiedOwners.has(original.name ? `${layer.path}.${original.name}` : layer.path))
      warnings.push(
        diagnostic(
          "adapter-unties",
          adapter.modulesToSave.position,
          `modules_to_save copies ${original.name ? `${layer.path}.${original.name}` : layer.path}${original.sharedWith ? `, tied to ${original.sharedWith},` : ""} into a trainable tensor of its own: the copy is not tied`,
          `its ${original.numel.toLocaleString("en-US")} elements count again, and training updates the copy alone`,
        ),
      );
    return { ...tensor(`modules_to_save.${adapter.name}.${original.name}`.replace(/\.$/, ""), original.shape), numel: original.numel };
  });
}

/**
 * Applies the adapter to the counted layers in place: freezes the base, adds the adapter's tensors
 * and the modules_to_save copies, and makes biases trainable as `bias` says. Returns the warnings.
 */
export function applyAdapter(layers: LayerCount[], resolved: readonly ResolvedLayer[], adapter: BoundAdapter): Diagnostic[] {
  tried = 0;
  const warnings: Diagnostic[] = [];
  const tiedOwners = new Set(layers.flatMap((layer) => layer.parameters.flatMap((parameter) => (parameter.sharedWith === undefined ? [] : [parameter.sharedWith]))));
  let targeted = 0;
  let saved = 0;
  layers.forEach((layer, index) => {
    const entry = resolved[index]!;
    const target = isTarget(layer, entry, adapter);
    const save = adapter.modulesToSave.names.length > 0 && savedBy(entry, adapter.modulesToSave.names);
    const fullName = (name: string) => (name ? `${layer.path}.${name}` : layer.path);
    for (const parameter of layer.parameters) {
      // PEFT's bias='all' trains every parameter whose name contains "bias"; 'lora_only' the adapted layers' biases.
      const bias = (adapter.bias === "all" && fullName(parameter.name).includes("bias")) || (adapter.bias === "lora_only" && target && parameter.name === "bias");
      parameter.trainable = bias;
    }
    const added = target ? (adapter.type === "LoraConfig" ? loraTensors(layer, entry, adapter) : ia3Tensors(layer, entry, adapter)) : [];
    if (target) targeted++;
    if (save) saved++;
    layer.parameters.push(...added, ...(save ? savedCopies(layer, adapter, tiedOwners, warnings) : []));
  });
  if (targeted === 0)
    throw new SpecError(
      "adapter-target-not-found",
      adapter.targets.position,
      `target_modules ${adapter.targets.text} matches no module of the model`,
      "PEFT matches a name against the end of each module's path, after a dot: q_proj matches model.layers.0.self_attn.q_proj",
    );
  if (adapter.modulesToSave.names.length && saved === 0)
    throw new SpecError(
      "adapter-target-not-found",
      adapter.modulesToSave.position,
      `modules_to_save matches no module of the model`,
      "name a module by the end of its path, e.g. lm_head or classifier",
    );
  return warnings;
}
