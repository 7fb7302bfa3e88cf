import type { SourcePosition } from "../diagnostics/index.js";
import { parseYaml } from "../parse/yaml.js";
import { isHfConfig } from "./detect.js";

/** A top-level key of a config.json that a change edited, added or removed, at its line in the new file. */
export interface ConfigEdit {
  key: string;
  /** JSON of the old and new values; absent where the key was added or removed. */
  before?: string;
  after?: string;
  position: SourcePosition;
}

const MAX_SHOWN = 60;
const shown = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
};

/**
 * The keys a change to a config.json edited, each at its position in the new text (a removed key at
 * the top of the file): the lines a pull request's annotations belong on. Empty when either text is
 * not a config; a parse error there is the check's to report.
 */
export function configEdits(file: string, baseText: string, headText: string): ConfigEdit[] {
  let base, head;
  try {
    base = parseYaml(baseText, file);
    head = parseYaml(headText, file);
  } catch {
    return [];
  }
  if (!isHfConfig(base.data) || !isHfConfig(head.data)) return [];
  const [before, after] = [base.data as Record<string, unknown>, head.data as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      key,
      ...(key in before ? { before: shown(before[key]) } : {}),
      ...(key in after ? { after: shown(after[key]) } : {}),
      position: key in after ? head.keyAt([key]) : head.at([]),
    }));
}
