import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, FACTORY_KWARGS, positive } from "./common.js";

const MODES = ["sum", "mean", "max"];

const SIZES = [arg("num_embeddings", "int"), arg("embedding_dim", "int")];
const PADDING_IDX = arg("padding_idx", "int", null);
const NORMS = [arg("max_norm", "float", null), arg("norm_type", "float", 2.0), arg("scale_grad_by_freq", "bool", false)];
const SPARSE = arg("sparse", "bool", false);
// A tensor to copy in; its shape must equal (num_embeddings, embedding_dim), so it never changes the count.
const WEIGHT = arg("_weight", "any", null);

/** The weight table, after the checks both classes make: padding_idx may count from the end, as a Python index. */
function table(args: LayerArguments): number[] {
  const rows = positive(args, "num_embeddings");
  const padding = args.optionalInt("padding_idx");
  if (padding !== undefined && (padding >= rows || padding < -rows)) {
    args.fail("padding_idx", `${args.type} padding_idx=${padding} is outside its ${rows} embeddings`, `use an index from ${-rows} to ${rows - 1}, or None`);
  }
  return [rows, positive(args, "embedding_dim")];
}

export const embeddingLayers: LayerDefinition[] = [
  {
    type: "Embedding",
    // `_freeze` is PyTorch >= 2.0: the weight is created with requires_grad=False.
    signature: [...SIZES, PADDING_IDX, ...NORMS, SPARSE, WEIGHT, arg("_freeze", "bool", false), ...FACTORY_KWARGS],
    tensors: (args) => ({ parameters: [{ name: "weight", shape: table(args), trainable: !args.bool("_freeze") }], buffers: [] }),
    // The backward pass scatters into the rows the indices name: the indices are what is kept.
    forward: (args, input) => ({ output: [...input.shape, args.int("embedding_dim")], saves: ["input"] }),
  },
  {
    type: "EmbeddingBag",
    signature: [...SIZES, ...NORMS, arg("mode", "string", "mean"), SPARSE, WEIGHT, arg("include_last_offset", "bool", false), PADDING_IDX, ...FACTORY_KWARGS],
    tensors(args) {
      const shape = table(args);
      const mode = args.string("mode");
      if (!MODES.includes(mode)) args.fail("mode", `EmbeddingBag mode must be 'sum', 'mean' or 'max', got '${mode}'`);
      return { parameters: [{ name: "weight", shape }], buffers: [] };
    },
    /**
     * Without offsets, each row of a 2-d input of ids is one bag. Backward keeps the ids and int64
     * bookkeeping: the offsets and bag sizes (one per bag), each id's bag (and one more; not needed
     * by 'sum' without padding_idx), and the arg-max per bag and feature ('max') or one per bag (measured).
     */
    forward(args, input) {
      if (input.shape.length !== 2) input.mismatch(undefined, "a 2-d input of ids (batch, bag), one bag per row");
      if (args.bool("include_last_offset")) input.mismatch("include_last_offset", "offsets, which a spec cannot give");
      const [bags, ids] = input.shape as [number, number];
      const dim = args.int("embedding_dim");
      const mode = args.string("mode");
      const idBags = mode === "sum" && args.isNone("padding_idx") ? 0 : bags * ids + 1;
      const argMax = mode === "max" ? bags * dim : bags;
      return { output: [bags, dim], saves: ["input", { elements: 2 * bags + idBags + argMax, dtype: "int64" }] };
    },
  },
];
