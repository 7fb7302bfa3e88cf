import type { JsonHint } from "../analysis/index.js";
import { formatInteger } from "../count/index.js";
import { formatBytes } from "../metrics/index.js";

/** What a hint's fix saves, in words: `saves 64 parameters (256 B)`, `costs 36,096 parameters (70.5 KiB)`, or nothing. */
export function savingText(saves: JsonHint["saves"]): string | undefined {
  if (saves.params === 0) return undefined;
  const verb = saves.params > 0 ? "saves" : "costs";
  const params = Math.abs(saves.params);
  return `${verb} ${formatInteger(params)} parameter${params === 1 ? "" : "s"} (${formatBytes(Math.abs(saves.bytes))})`;
}

/** The line under a hint: its fix, and what the fix saves. */
export function hintFixLine(hint: JsonHint): string {
  const saving = savingText(hint.saves);
  return `fix: ${hint.fix}${saving ? `; ${saving}` : ""}`;
}

/** A model's hints in one line: `3 hints; their fixes save 2,360,128 parameters`. */
export function hintsSummary(hints: readonly JsonHint[]): string {
  const saved = hints.reduce((sum, hint) => sum + Math.max(0, hint.saves.params), 0);
  const count = `${hints.length} hint${hints.length === 1 ? "" : "s"}`;
  return saved > 0 ? `${count}; their fixes save up to ${formatInteger(saved)} parameters` : count;
}
