import type { JsonLayer } from "../analysis/index.js";
import { escapeMarkdown as esc } from "../report/index.js";
import type { ModelResult } from "./types.js";

/** The PEFT adapter of the model, and how this change alters it: a changed r or target_modules is named as such. */
export function adapterLines(model: ModelResult): string[] {
  const head = model.head.kind === "report" ? model.head.report.adapter : undefined;
  const base = model.base?.kind === "report" ? model.base.report.adapter : undefined;
  const shown = (adapter: typeof head) => (adapter ? `${esc(adapter.name)}: ${esc(adapter.config)}` : "none");
  if (!head && !base) return [];
  if (!model.base || model.base.kind !== "report" || model.head.kind !== "report") return head ? [`Adapter ${shown(head)}`, ""] : [];
  if (head?.config === base?.config && head?.name === base?.name) return [`Adapter ${shown(head)}`, ""];
  return [`**Adapter changed:** ${shown(base)} → ${shown(head)}`, ""];
}

/** Routed experts whose top_k or number this change alters: their parameters may not change, what each token uses does. */
export function routingLines(model: ModelResult): string[] {
  if (model.head.kind !== "report" || model.base?.kind !== "report") return [];
  const routing = (layers: readonly JsonLayer[]) => new Map(layers.flatMap((layer) => (layer.routed ? [[layer.path, layer.routed] as const] : [])));
  const before = routing(model.base.report.layers);
  const changed = [...routing(model.head.report.layers)].flatMap(([path, after]) => {
    const was = before.get(path);
    return was && (was.topK !== after.topK || was.experts !== after.experts) ? [`${esc(path)}: top_k ${was.topK} of ${was.experts} → ${after.topK} of ${after.experts}`] : [];
  });
  return changed.length ? [`**Routing changed:** ${changed.join("; ")}`, ""] : [];
}
