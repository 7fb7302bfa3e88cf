// The import graph of src/: which file imports which (type-only imports, re-exports and dynamic
// imports included), folded to folders, with every cycle in either. test/architecture.test.ts holds
// the layer order it is checked against; `node scripts/import-graph.mjs` prints the graph.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** `./x.js` names `x.ts` (or the `x.d.ts` of a generated `x.js`) in the sources. */
function target(from, specifier) {
  const path = join(dirname(from), specifier);
  const candidates = [path.replace(/\.js$/, ".ts"), path.replace(/\.js$/, ".d.ts"), path];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

/** file → the files it imports, as paths relative to the repository (`src/budget/types.ts`); packages left out. */
export function importGraph(srcDir = join(ROOT, "src")) {
  const graph = new Map();
  for (const file of sourceFiles(srcDir).sort()) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const local = importedFiles.map((entry) => entry.fileName).filter((name) => name.startsWith("."));
    const key = posix.normalize(relative(ROOT, file).split("\\").join("/"));
    graph.set(key, [...new Set(local.map((name) => relative(ROOT, target(file, name)).split("\\").join("/")))]);
  }
  return graph;
}

/** `src/budget/types.ts` → `budget`; a file directly in src/ is its own folder (`src/engine.ts`). */
export function folderOf(file) {
  const parts = file.split("/");
  return parts.length > 2 ? parts[1] : file;
}

/** folder → the other folders it imports, each with the file imports that make the edge. */
export function folderGraph(graph) {
  const folders = new Map();
  for (const [file, imports] of graph) {
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Map());
    for (const imported of imports) {
      const to = folderOf(imported);
      if (to === from) continue;
      const edges = folders.get(from);
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${imported}`]);
    }
  }
  return folders;
}

/**
 * The strongly connected components with more than one member (Tarjan's algorithm): every set of
 * nodes that import one another in a ring, each sorted, in order of their first member.
 */
export function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node), index.get(to)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const folders = folderGraph(graph);
  for (const [folder, edges] of [...folders].sort()) console.log(`${folder} → ${[...edges.keys()].sort().join(", ") || "(nothing)"}`);
  const folderCycles = cycles(new Map([...folders].map(([folder, edges]) => [folder, [...edges.keys()]])));
  const fileCycles = cycles(graph);
  console.log(`\nfolder cycles: ${folderCycles.length ? "" : "none"}`);
  for (const cycle of folderCycles) console.log(`  ${cycle.join(" ↔ ")}`);
  console.log(`file cycles: ${fileCycles.length ? "" : "none"}`);
  for (const cycle of fileCycles) console.log(`  ${cycle.join(" ↔ ")}`);
}
