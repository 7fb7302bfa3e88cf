import type { JsonHint, JsonReport } from "../analysis/index.js";
import type { ModelDiff } from "../diff/index.js";
import { escapeMarkdown as esc, savingText } from "../report/index.js";
import type { SpecState } from "./types.js";

/** At most this many hints are listed in one model's section; the rest are counted. */
const HINTS_SHOWN = 20;

/**
 * The head's review hints about layer entries the pull request added, changed or moved, but those
 * the model's budget entry ignores (`lint: {ignore}`). A spec new in the pull request is all added; a
 * run without a base commit, or with a base that does not analyse, knows of no change: no hints.
 */
export function changedLayerHints(head: JsonReport, base: SpecState | undefined, diff: ModelDiff | undefined, ignore: readonly string[] = []): JsonHint[] {
  const touched =
    base?.kind === "absent" ? new Set(head.layers.map((layer) => layer.path)) : new Set(diff?.changes.flatMap((change) => (change.kind === "removed" ? [] : [change.after.path])));
  return (head.hints ?? []).filter((hint) => hint.layers.some((path) => touched.has(path)) && !ignore.includes(hint.name) && !ignore.includes(hint.code));
}

function hintLine(hint: JsonHint): string {
  const saving = savingText(hint.saves);
  return `- **${esc(hint.code)}** line ${hint.line}, \`${esc(hint.path)}\`: ${esc(hint.message)}. Fix: ${esc(hint.fix)}${saving ? ` (${saving})` : ""}.`;
}

/** The folded "💡 N hints" section of a model's comment, or nothing when there is no hint. */
export function hintsSection(hints: readonly JsonHint[] | undefined): string[] {
  if (!hints?.length) return [];
  const shown = hints.slice(0, HINTS_SHOWN);
  const more = hints.length - shown.length;
  return [
    `<details><summary>💡 ${hints.length} hint${hints.length === 1 ? "" : "s"} on the layers this change touches</summary>`,
    "",
    ...shown.map(hintLine),
    ...(more ? [`- …and ${more} more: \`model-budget lint\` lists them all.`] : []),
    "",
    "</details>",
    "",
  ];
}
