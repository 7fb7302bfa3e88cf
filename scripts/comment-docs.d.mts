// Types of what the tests import from comment-docs.mjs, a plain script.
export function sampleComment(cli?: string): string;
