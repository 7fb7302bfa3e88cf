import type { Value } from "../parse/values.js";
import type { LayerArguments, LayerDefinition } from "./arguments.js";

/** `Parameter(1, 1, 768)` and `Parameter((1, 1, 768))` mean the same shape, as torch.zeros takes both. */
function shapeOf(args: LayerArguments): number[] {
  const items = (args.value("shape") as Extract<Value, { kind: "tuple" }>).items;
  const shape = items.flatMap((item) => (item.kind === "tuple" ? item.items : [item])).map((item) => (item as { value: number }).value);
  const negative = shape.findIndex((size) => size < 0);
  if (negative >= 0) args.refuseSize("shape", `${args.type} has a negative size ${shape[negative]} in its shape`, "write sizes of 0 or more, e.g. Parameter(1, 1, 768)");
  return shape;
}

/** Bare tensors held by a module, named by their spec entry: `cls_token: Parameter(1, 1, d)`. */
export const parameterLayers: LayerDefinition[] = [
  {
    type: "Parameter",
    signature: [
      { name: "shape", type: "size", variadic: true },
      { name: "requires_grad", type: "bool", default: true },
      { name: "dtype", type: "any", default: null },
    ],
    tensors: (args) => ({ parameters: [{ name: "", shape: shapeOf(args), trainable: args.bool("requires_grad") }], buffers: [] }),
  },
  {
    // register_buffer(name, tensor): counted with named_buffers(), never with parameters().
    type: "Buffer",
    signature: [
      { name: "shape", type: "size", variadic: true },
      { name: "persistent", type: "bool", default: true },
      { name: "dtype", type: "any", default: null },
    ],
    tensors: (args) => ({ parameters: [], buffers: [{ name: "", shape: shapeOf(args) }] }),
  },
];
