// Types of what the tests import from cli-launcher.mjs, a plain script.
export function scriptBundle(code: string, input: string): string;
export const CLI_SHIM: string;
export function CLI_LAUNCHER(hash: string): string;
