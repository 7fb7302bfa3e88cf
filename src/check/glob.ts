/**
 * File globs as workflow authors write them: `*` and `?` stay within one directory, `**` spans
 * any number of them (`models/**\/*.yaml`).
 */
export function fileGlob(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** The files among `available` that the patterns name, in pattern order; literal paths are kept as given. */
export function expandSpecs(patterns: readonly string[], available: readonly string[]): string[] {
  const result = new Set<string>();
  for (const pattern of patterns) {
    const normalized = pattern.replace(/^\.\//, "");
    if (!isGlob(normalized)) {
      if (available.includes(normalized)) result.add(normalized);
      continue;
    }
    const regex = fileGlob(normalized);
    for (const file of [...available].sort()) if (regex.test(file)) result.add(file);
  }
  return [...result];
}
