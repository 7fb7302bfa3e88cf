import { describeDtype, type AnalyzedModel, type MemoryBreakdown } from "../memory/index.js";

/** The recipe and the model's bytes by category, and per GPU when the training is spread over several. */
function memoryJson(memory: MemoryBreakdown) {
  const { optimizer, precision, dtype, gpus, zero } = memory.recipe;
  return {
    recipe: { optimizer: optimizer?.value.text ?? null, precision: precision.value.name, dtype: dtype ? describeDtype(dtype.value) : null, gpus: gpus.value, zero: zero.value },
    ...memory.bytes,
    ...(memory.perGpu ? { perGpu: memory.perGpu } : {}),
  };
}

/**
 * The stable JSON contract: one object per spec, per-instance figures with `count` instances. With a
 * training recipe, `memory` holds the model's integer byte counts, each layer its own (per instance),
 * and each tensor its dtype.
 */
export function toJsonReport(model: AnalyzedModel) {
  const { memory } = model;
  return {
    model: model.model,
    file: model.file,
    totals: model.totals,
    ...(memory ? { memory: memoryJson(memory) } : {}),
    layers: model.layers.map((layer, index) => {
      const layerMemory = memory?.layers[index];
      const dtypeOf = (dtypes: "parameterDtypes" | "bufferDtypes", tensor: number) => (layerMemory ? { dtype: describeDtype(layerMemory[dtypes][tensor]!) } : {});
      return {
        path: layer.path,
        type: layer.type,
        count: layer.count,
        params: layer.params,
        trainable: layer.trainable,
        line: layer.position.line,
        column: layer.position.col,
        formula: layer.formula,
        ...(layerMemory ? { memory: layerMemory.bytes } : {}),
        parameters: layer.parameters.map((tensor, tensorIndex) => ({
          name: tensor.name,
          shape: tensor.shape,
          numel: tensor.numel,
          trainable: tensor.trainable,
          ...(tensor.sharedWith === undefined ? {} : { sharedWith: tensor.sharedWith }),
          ...dtypeOf("parameterDtypes", tensorIndex),
        })),
        buffers: layer.buffers.map((tensor, tensorIndex) => ({ name: tensor.name, shape: tensor.shape, numel: tensor.numel, ...dtypeOf("bufferDtypes", tensorIndex) })),
      };
    }),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;
