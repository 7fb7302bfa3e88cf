import { didYouMean } from "./index.js";

/**
 * An enumerated option's value, checked the one way for the action's inputs (`input 'fail-on'`) and the
 * CLI's flags (`--fail-on`): the same message, with the likely value meant on a line of its own.
 */
export function choiceOf<T extends string>(option: string, value: string, allowed: readonly T[]): { value: T } | { problem: string } {
  if ((allowed as readonly string[]).includes(value)) return { value: value as T };
  const hint = didYouMean(value, allowed);
  return { problem: `${option} must be one of ${allowed.join(", ")}, not '${value}'${hint === undefined ? "" : `\n  ${hint}`}` };
}
