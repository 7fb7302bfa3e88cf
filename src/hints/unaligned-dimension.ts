import { formatInteger } from "../count/index.js";
import { argumentsOf, atLayer, bytesOf, computesInHalf, makeHint } from "./model.js";
import type { Hint, HintContext } from "./types.js";

/** Tensor cores multiply 16-bit matrices whose dimensions are multiples of 8; 64 is the usual advice for full tiles. */
const REQUIRED = 8;
const ADVISED = 64;
/** Below this a matrix is too small for its shape to matter, and a class count or an input width is fixed by the data. */
const SMALLEST = 64;

interface Dimension {
  /** The argument: `num_embeddings`, `out_features`. */
  name: string;
  size: number;
  /** Parameters one more unit of the dimension adds to the layer (a row of the weight, and a bias element). */
  perUnit: { weight: number; bias: number };
}

/** The dimensions of a layer that are the sizes of its matrix multiplies and that a spec can choose. */
function dimensionsOf(context: HintContext, layer: number): Dimension[] {
  const entry = context.resolved.layers[layer]!;
  const args = argumentsOf(entry);
  const hasBias = context.count.layers[layer]!.parameters.some((tensor) => tensor.name === "bias");
  switch (entry.call.type) {
    case "Embedding":
      return [
        { name: "num_embeddings", size: args.int("num_embeddings"), perUnit: { weight: args.int("embedding_dim"), bias: 0 } },
        { name: "embedding_dim", size: args.int("embedding_dim"), perUnit: { weight: args.int("num_embeddings"), bias: 0 } },
      ];
    case "Linear":
      return [{ name: "out_features", size: args.int("out_features"), perUnit: { weight: args.int("in_features"), bias: hasBias ? 1 : 0 } }];
    default:
      return [];
  }
}

const alignedUp = (size: number, multiple: number) => Math.ceil(size / multiple) * multiple;

function dimensionHint(context: HintContext, layer: number, dimension: Dimension): Hint {
  const counted = context.count.layers[layer]!;
  const target = alignedUp(dimension.size, ADVISED);
  const units = target - dimension.size;
  const weight = units * dimension.perUnit.weight * counted.count;
  const bias = units * dimension.perUnit.bias * counted.count;
  const bytes = (bytesOf(context, layer, "weight", units * dimension.perUnit.weight) + (bias ? bytesOf(context, layer, "bias", units) : 0)) * counted.count;
  const nearest = alignedUp(dimension.size, REQUIRED);
  return makeHint(
    "unaligned-dimension",
    atLayer(context, layer),
    `${counted.path}'s ${dimension.name}=${dimension.size} is not a multiple of ${REQUIRED}, so its 16-bit matrix multiplies miss tensor cores: ` +
      `${target} (a multiple of ${ADVISED}) costs ${formatInteger(weight + bias)} parameters more` +
      (nearest === target
        ? ""
        : `, ${nearest} (a multiple of ${REQUIRED}) ${formatInteger((nearest - dimension.size) * (dimension.perUnit.weight + dimension.perUnit.bias) * counted.count)}`),
    { params: -(weight + bias), bytes: -bytes },
  );
}

export function unalignedDimension(context: HintContext): Hint[] {
  return context.resolved.layers.flatMap((_, layer) =>
    computesInHalf(context, layer)
      ? dimensionsOf(context, layer)
          .filter((dimension) => dimension.size >= SMALLEST && dimension.size % REQUIRED !== 0)
          .map((dimension) => dimensionHint(context, layer, dimension))
      : [],
  );
}
