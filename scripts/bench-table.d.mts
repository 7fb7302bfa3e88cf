// Types of what the tests import from bench-table.mjs, a plain script.
export const BENCH_HEADERS: string[];
export function benchRows(cases: unknown[], node: unknown, nodeCpu: unknown): string[][];
export function formatBenchTable(rows: string[][]): string;
export function parseBenchTable(text: string): unknown;
export function benchSection(machine: string, rows: string[][]): string;
