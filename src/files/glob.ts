import picomatch from "picomatch";

/**
 * Spec file globs as workflow authors write them, with picomatch's rules (Bash's): `*` and `?`
 * stay within one directory, `**` spans any number of them (`models/**\/*.yaml`), `{a,b}` and
 * `[ab]` work as in a shell. Dot files match too: a spec may live under `.github/`.
 */
export function fileGlob(pattern: string): (file: string) => boolean {
  return picomatch(pattern, { dot: true });
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** The directory a glob's matches all lie under (`models` for `models/**\/*.yaml`), `` for the root. */
export function globBase(pattern: string): string {
  return picomatch.scan(pattern).base;
}

/** The files among `available` that the patterns name, in pattern order; literal paths are kept as given. */
export function expandSpecs(patterns: readonly string[], available: readonly string[]): string[] {
  const result = new Set<string>();
  for (const pattern of patterns) {
    const normalized = pattern.replace(/^\.\//, "");
    // A file whose name only looks like a glob (`gpt(2).yaml`) is itself.
    if (!isGlob(normalized) || available.includes(normalized)) {
      if (available.includes(normalized)) result.add(normalized);
      continue;
    }
    const matches = fileGlob(normalized);
    for (const file of [...available].sort()) if (matches(file)) result.add(file);
  }
  return [...result];
}
