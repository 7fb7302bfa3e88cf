// Types of what the tests import from diagnostics-docs.mjs, a plain script.
export function diagnosticsMarkdown(kinds: unknown, stages: unknown): string;
export function loadRegistry(root?: string): Promise<unknown>;
