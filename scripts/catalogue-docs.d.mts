// Types of what the tests import from catalogue-docs.mjs, a plain script.
export function catalogueTable(inputs: unknown): string;
