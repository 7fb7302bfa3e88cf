// Types of what the tests import from bench-specs.mjs, a plain script.
export function bigSpec(layers: number): string;
export function repeatSpec(repeat: number): string;
