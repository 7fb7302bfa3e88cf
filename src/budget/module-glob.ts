/**
 * A budget's module glob (`encoder.*`) against layer paths (`encoder.layer.[0-11].attention`):
 * `*` is any run of characters, dots and brackets included; every other character is itself.
 * Matched in O(path × glob) without backtracking: each `*`-free piece is taken at its leftmost
 * place, which is all a star-only glob needs. A regular expression (picomatch's too) backtracks
 * exponentially on `*a*a*a*a*a*a*a*a*a*a*b` against a long path of a's.
 */
export function moduleGlob(glob: string): (path: string) => boolean {
  const pieces = glob.split("*");
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  if (pieces.length === 1) return (path) => path === glob;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== "");
  return (path) => {
    if (path.length < first.length + last.length || !path.startsWith(first) || !path.endsWith(last)) return false;
    let from = first.length;
    const end = path.length - last.length;
    for (const piece of middle) {
      const at = path.indexOf(piece, from);
      if (at < 0 || at + piece.length > end) return false;
      from = at + piece.length;
    }
    return true;
  };
}
