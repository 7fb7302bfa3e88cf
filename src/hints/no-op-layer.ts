import { argumentsOf, atLayer, makeHint } from "./model.js";
import type { Hint, HintContext } from "./types.js";

const DROPOUTS = new Set(["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout"]);

/** A dropout with p=0 (the identity, in training too) or an Identity: a layer that does nothing. */
export function noOpLayer(context: HintContext): Hint[] {
  return context.resolved.layers.flatMap((entry, layer) => {
    const type = entry.call.type;
    const noOp =
      type === "Identity" ? "an Identity: it returns its input" : DROPOUTS.has(type) && argumentsOf(entry).float("p") === 0 ? `a ${type} with p=0: it drops nothing` : undefined;
    return noOp ? [makeHint("no-op-layer", atLayer(context, layer), `${entry.path} is ${noOp}`, { params: 0, bytes: 0 })] : [];
  });
}
