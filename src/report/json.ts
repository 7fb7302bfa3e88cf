import type { ModelCount } from "../count/index.js";

/** The stable JSON contract: one object per spec, per-instance figures with `count` instances. */
export function toJsonReport(count: ModelCount) {
  return {
    model: count.model,
    file: count.file,
    totals: count.totals,
    layers: count.layers.map((layer) => ({
      path: layer.path,
      type: layer.type,
      count: layer.count,
      params: layer.params,
      trainable: layer.trainable,
      line: layer.position.line,
      column: layer.position.col,
      formula: layer.formula,
      parameters: layer.parameters.map((tensor) => ({
        name: tensor.name,
        shape: tensor.shape,
        numel: tensor.numel,
        trainable: tensor.trainable,
        ...(tensor.sharedWith === undefined ? {} : { sharedWith: tensor.sharedWith }),
      })),
      buffers: layer.buffers,
    })),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;
