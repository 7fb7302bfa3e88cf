import { bindArguments, findLayer, type ArgumentSpec } from "../catalogue/index.js";
import { SpecError, didYouMean } from "../diagnostics/index.js";
import { describeValue } from "../parse/values.js";
import type { DtypeSetting } from "../resolve/index.js";

/** How the elements of a tensor are stored. */
export interface Dtype {
  /** torch's name (`bfloat16`, `float8_e4m3fn`), or the 4-bit format (`nf4`). */
  name: string;
  bits: number;
  /** Only floating-point tensors can require gradients, and module.to(dtype) converts only them. */
  floating: boolean;
  /** 4-bit formats store one scale per block of `size` elements. */
  block?: { size: number; scale: Dtype; doubleQuant?: boolean };
}

interface DtypeEntry {
  names: string[];
  bits: number;
  floating: boolean;
}

const PLAIN: readonly DtypeEntry[] = [
  { names: ["float64", "double", "fp64"], bits: 64, floating: true },
  { names: ["float32", "float", "fp32"], bits: 32, floating: true },
  { names: ["bfloat16", "bf16"], bits: 16, floating: true },
  { names: ["float16", "half", "fp16"], bits: 16, floating: true },
  { names: ["float8_e4m3fn", "float8_e4m3"], bits: 8, floating: true },
  { names: ["float8_e5m2"], bits: 8, floating: true },
  { names: ["float8_e4m3fnuz"], bits: 8, floating: true },
  { names: ["float8_e5m2fnuz"], bits: 8, floating: true },
  { names: ["int64", "long"], bits: 64, floating: false },
  { names: ["int32", "int"], bits: 32, floating: false },
  { names: ["int16", "short"], bits: 16, floating: false },
  { names: ["int8"], bits: 8, floating: false },
  { names: ["uint8"], bits: 8, floating: false },
  { names: ["bool"], bits: 8, floating: false },
];

/**
 * 4-bit formats pack two elements per byte and keep one scale per block. The defaults are
 * bitsandbytes' Linear4bit: blocks of 64 with a float32 absmax each (0.5 bits per element more).
 */
const BLOCK_FORMATS = ["int4", "nf4", "fp4"];
const BLOCK_SIGNATURE: readonly ArgumentSpec[] = [
  { name: "block_size", type: "int", default: 64 },
  { name: "scale", type: "string", default: "float32" },
  { name: "double_quant", type: "bool", default: false },
];

/** bitsandbytes' double quantization: the scales in 8 bits, with one float32 scale per 256 of them (QLoRA, Dettmers et al. 2023). */
export const DOUBLE_QUANT_BLOCK = 256;

const BY_NAME = new Map<string, Dtype>(PLAIN.flatMap((entry) => entry.names.map((name) => [name, { name: entry.names[0]!, bits: entry.bits, floating: entry.floating }])));

/** A dtype of the table by its torch name, for this stage's own tables; user input goes through parseDtype. */
export function dtypeNamed(name: string): Dtype {
  const dtype = BY_NAME.get(name);
  if (!dtype) throw new Error(`no dtype named ${name}`);
  return dtype;
}

export const FLOAT32 = dtypeNamed("float32");
export const UINT8 = dtypeNamed("uint8");

export function dtypeNames(): string[] {
  return [...BY_NAME.keys(), ...BLOCK_FORMATS];
}

/** `torch.bfloat16` and `bfloat16` name the same dtype. */
function bareName(name: string): string {
  return name.replace(/^torch\./, "");
}

/**
 * The dtype a setting names: `bfloat16`, `torch.float16`, `'int8'`, or a 4-bit format with its
 * block options, `nf4(block_size=128, scale=float16)`.
 */
export function parseDtype(setting: DtypeSetting): Dtype {
  const { value, position } = setting;
  const written = value.kind === "symbol" ? value.name : value.kind === "string" ? value.value : value.kind === "layer" ? value.call.type : undefined;
  if (written === undefined) throw new SpecError("unknown-dtype", position, `a dtype is a name such as bfloat16, not ${describeValue(value)}`);
  const name = bareName(written);
  const plain = BY_NAME.get(name);
  if (!BLOCK_FORMATS.includes(name) && !plain) {
    // Two float8 formats exist; a bare float8 would otherwise be "corrected" to float64 or fp4.
    const hint = /^(?:float|fp)8$/.test(name) ? "float8 is float8_e4m3fn or float8_e5m2" : (didYouMean(name, dtypeNames()) ?? `the dtypes are: ${dtypeNames().join(", ")}`);
    throw new SpecError("unknown-dtype", value.kind === "layer" ? value.call.position : position, `unknown dtype '${written}'`, hint);
  }
  if (plain) {
    if (value.kind === "layer") bindArguments({ type: name, signature: [] }, value.call, findLayer);
    return plain;
  }
  const call = value.kind === "layer" ? value.call : { type: name, args: [], position, text: name };
  const args = bindArguments({ type: name, signature: BLOCK_SIGNATURE }, call, findLayer);
  const size = args.int("block_size");
  if (size < 1) args.fail("block_size", `${name} needs a positive block_size, got ${size}`);
  const scale = parseDtype({ value: args.value("scale"), position: args.position("scale") });
  if (!scale.floating) args.fail("scale", `${name} scales are floating-point numbers, not ${scale.name}`, "use float32 (bitsandbytes), float16 or bfloat16");
  const doubleQuant = args.bool("double_quant");
  return { name, bits: 4, floating: false, block: { size, scale, ...(doubleQuant ? { doubleQuant } : {}) } };
}

/** The dtype as a setting would write it: `bfloat16`, `nf4(block_size=64, scale=float32)`. */
export function describeDtype(dtype: Dtype): string {
  if (!dtype.block) return dtype.name;
  return `${dtype.name}(block_size=${dtype.block.size}, scale=${dtype.block.scale.name}${dtype.block.doubleQuant ? ", double_quant=True" : ""})`;
}
