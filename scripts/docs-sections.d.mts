// Types of what the tests import from docs-sections.mjs, a plain script.
export function readSection(text: string, name: string, file: string): string | undefined;
export function replaceSection(text: string, name: string, content: string, file?: string): string;
export function writeSections(file: string, sections: Record<string, string>): void;
