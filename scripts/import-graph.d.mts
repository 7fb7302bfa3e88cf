// Types of what the tests import from import-graph.mjs, a plain script.
export function importGraph(srcDir?: string): Map<string, string[]>;
export function folderOf(file: string): string;
export function folderGraph(graph: Map<string, string[]>): Map<string, Map<string, string[]>>;
export function cycles(edges: Map<string, string[]>): string[][];
