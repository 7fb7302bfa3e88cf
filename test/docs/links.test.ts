import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Every relative link and #anchor in README.md and docs/*.md must lead somewhere: moving a section
// between files, or renaming a heading, breaks the links to it, and this test names each one.
const root = fileURLToPath(new URL("../..", import.meta.url));
/**
 * Pages another branch writes (docs/diagnostics.md, the diagnostic codes): linked from here before
 * they land. A page listed here that exists is checked like any other, and the last test below
 * fails until it is taken off the list.
 */
const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((file) => file.endsWith(".md"))
    .map((file) => join("docs", file)),
];

/** Markdown without its fenced code blocks and inline code, where brackets are not links. */
function prose(markdown: string): string {
  // Blocks become as many empty lines, so that a link's line number stays the file's.
  return markdown.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, "")).replace(/`[^`\n]*`/g, "code");
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of prose(markdown.replace(/`([^`\n]*)`/g, "$1")).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const times = seen.get(slug) ?? 0;
    seen.set(slug, times + 1);
    found.add(times === 0 ? slug : `${slug}-${times}`);
  }
  return found;
}

/** The relative targets of a page's links, `file#anchor`, `#anchor` or `file`, with the line each is on. */
function links(markdown: string): { target: string; line: number }[] {
  return prose(markdown)
    .split("\n")
    .flatMap((text, index) => [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => ({ target: match[1]!, line: index + 1 })))
    .filter(({ target }) => !/^[a-z][a-z+.-]*:/i.test(target));
}

function broken(page: string): string[] {
  const text = readFileSync(join(root, page), "utf8");
  return links(text).flatMap(({ target, line }) => {
    const [path, anchor] = target.split("#") as [string, string | undefined];
    const file = path === "" ? join(root, page) : join(root, dirname(page), decodeURIComponent(path));
    const where = `${page}:${line}: ${target}`;
    if (!existsSync(file)) return [`${where} (no file ${relative(root, file)})`];
    if (anchor === undefined) return [];
    if (!statSync(file).isFile() || !file.endsWith(".md")) return [`${where} (an anchor into a file that is not markdown)`];
    return anchors(readFileSync(file, "utf8")).has(anchor) ? [] : [`${where} (no heading with anchor #${anchor} in ${relative(root, file)})`];
  });
}

describe("links in README.md and docs/", () => {
  it("finds the pages and their links", () => {
    expect(pages).toContain("docs/README.md");
    expect(links(readFileSync(join(root, "README.md"), "utf8")).length).toBeGreaterThan(10);
  });

  it("makes GitHub's anchors from headings", () => {
    expect([...anchors("# Importing a spec: print(model), safetensors, ONNX\n## `import onnx`: an ONNX model's initializers\n## Output\n## Output\n")]).toEqual([
      "importing-a-spec-printmodel-safetensors-onnx",
      "import-onnx-an-onnx-models-initializers",
      "output",
      "output-1",
    ]);
  });

  it.each(pages)("%s: every relative link and #anchor resolves", (page) => {
    expect(broken(page)).toEqual([]);
  });
});
