import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import type { SpecBuilder } from "./spec-builder.js";

const describe = (value: unknown) => (typeof value === "string" ? `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"` : JSON.stringify(value));

/**
 * Reads a config.json's keys with their positions: a missing size or a value of the wrong kind is an
 * error at its key, and each size the spec uses becomes a spec variable of the key's name.
 */
export class ConfigReader {
  readonly data: Record<string, unknown>;

  constructor(
    readonly source: YamlSource,
    readonly family: string,
    readonly builder: SpecBuilder,
  ) {
    this.data = source.data as Record<string, unknown>;
  }

  has(key: string): boolean {
    return this.data[key] !== undefined && this.data[key] !== null;
  }

  /** The position of `key`'s value (of the whole config when it is absent). */
  at(key: string): SourcePosition {
    return this.source.at(this.has(key) || key in this.data ? [key] : []);
  }

  missing(key: string, what: string): SpecError {
    return new SpecError(
      "hf-config-missing-key",
      this.source.at([]),
      `this ${this.family} config has no "${key}" (${what}), which the model's size depends on`,
      `add "${key}" as the model's published config.json has it`,
    );
  }

  bad(key: string, detail: string, hint: string): SpecError {
    return new SpecError("hf-config-bad-value", this.at(key), `"${key}" ${detail}`, hint);
  }

  /** A whole number of at least `min`; `fallback` is the config class's default, used when the key is absent or null. */
  int(key: string, what: string, fallback?: number, min = 1): number {
    const value = this.data[key];
    if (value === undefined || value === null) {
      if (fallback === undefined) throw this.missing(key, what);
      return fallback;
    }
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min)
      throw this.bad(key, `is ${describe(value)}, not ${min === 0 ? "a whole number" : "a positive whole number"}`, `write ${what} as a JSON integer`);
    return value;
  }

  /** Like int, and defines a spec variable of the key's name. */
  size(key: string, what: string, fallback?: number, min = 1): number {
    const value = this.int(key, what, fallback, min);
    this.builder.variable(key, value, this.has(key) ? [key] : []);
    return value;
  }

  flag(key: string, fallback: boolean): boolean {
    const value = this.data[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") throw this.bad(key, `is ${describe(value)}, not true or false`, "write true or false");
    return value;
  }

  number(key: string, fallback: number): number {
    const value = this.data[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value)) throw this.bad(key, `is ${describe(value)}, not a number`, "write a JSON number");
    return value;
  }

  string(key: string, fallback: string): string {
    const value = this.data[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "string") throw this.bad(key, `is ${describe(value)}, not a string`, "write a JSON string");
    return value;
  }

  /** Refuses a value the family's translation does not cover, rather than counting a different model. */
  only<T>(key: string, value: T, allowed: readonly T[], why: string): void {
    if (!allowed.includes(value))
      throw new SpecError(
        "hf-config-unsupported",
        this.at(key),
        `"${key}": ${describe(value)} is not supported for ${this.family} (${why})`,
        `supported: ${allowed.map(describe).join(", ")}; or write the model as a spec (model-budget import hf-config writes one to start from)`,
      );
  }

  /** `dividend` must be a multiple of `divisor`, as the modeling code's reshapes need. */
  divisible(dividendKey: string, dividend: number, divisorKey: string, divisor: number, at = dividendKey): void {
    if (dividend % divisor === 0) return;
    throw new SpecError(
      "hf-config-bad-value",
      this.at(at),
      `"${dividendKey}" (${dividend}) is not divisible by "${divisorKey}" (${divisor}), as the attention's heads need`,
      `make "${dividendKey}" a multiple of ${divisor}, or set "${divisorKey}" to one of its divisors`,
    );
  }
}
