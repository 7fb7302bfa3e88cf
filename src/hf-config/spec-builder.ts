import type { SourcePosition } from "../diagnostics/index.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";

/** A spec layer entry as YAML parses it: one name mapped to a call or a module. */
export type SpecEntry = Record<string, unknown>;

/** The config key (a path into config.json) that a piece of the spec was made from. */
export type ConfigKey = DataPath;

/**
 * Builds the spec data a translated config stands for, remembering for each piece the config key it
 * came from: positions in every later stage's messages point into the config.json, not at a spec
 * nobody wrote.
 */
export class SpecBuilder {
  /** The config key each object of the spec data was made from. */
  readonly objectOrigins = new WeakMap<object, ConfigKey>();
  /** The config key each key of an object was made from (vars, layer entries' names). */
  readonly keyOrigins = new WeakMap<object, Map<string, ConfigKey>>();
  readonly vars: Record<string, unknown> = {};

  /** Marks `object` as made from `key`; returns it. */
  from<T extends object>(object: T, key: ConfigKey): T {
    this.objectOrigins.set(object, key);
    return object;
  }

  private keyFrom(object: object, name: string, key: ConfigKey): void {
    let keys = this.keyOrigins.get(object);
    if (!keys) this.keyOrigins.set(object, (keys = new Map<string, ConfigKey>()));
    keys.set(name, key);
  }

  /** Sets `object[name]` to `value`, made from `key`. */
  keyed(object: Record<string, unknown>, name: string, value: unknown, key: ConfigKey): void {
    object[name] = value;
    this.keyFrom(object, name, key);
  }

  /** A spec variable, defined where the config defines `key`. */
  variable(name: string, value: unknown, key: ConfigKey): void {
    this.vars[name] = value;
    this.keyFrom(this.vars, name, key);
  }

  /** A layer entry `name: call`. */
  layer(name: string, call: string, key: ConfigKey): SpecEntry {
    return this.from({ [name]: call }, key);
  }

  /** A module entry holding `layers`, with its own keys (repeat:, forward:). */
  module(name: string, layers: SpecEntry[], key: ConfigKey, keys: Record<string, unknown> = {}): SpecEntry {
    const body = this.from({ ...keys, layers }, key);
    return this.from({ [name]: body }, key);
  }
}

/** Where a spec data path came from: the deepest piece along it whose config key is known. */
function originOf(builder: SpecBuilder, data: unknown, path: DataPath): ConfigKey | undefined {
  let node: unknown = data;
  let found = builder.objectOrigins.get(data as object);
  for (const segment of path) {
    if (node === null || typeof node !== "object") break;
    const named = builder.keyOrigins.get(node)?.get(String(segment));
    if (named) found = named;
    node = (node as Record<string | number, unknown>)[segment];
    const own = node !== null && typeof node === "object" ? builder.objectOrigins.get(node) : undefined;
    if (own) found = own;
  }
  return found;
}

/**
 * A YamlSource whose data is the translated spec and whose positions are those of the config keys
 * it came from, so that validate, resolve, count and shapes run unchanged on a config.json.
 */
export function translatedSource(config: YamlSource, data: object, builder: SpecBuilder, fallback: ConfigKey): YamlSource {
  const keyOf = (path: DataPath): SourcePosition => config.keyAt(originOf(builder, data, path) ?? fallback);
  return {
    file: config.file,
    text: config.text,
    data,
    at: keyOf,
    keyAt: keyOf,
    quotedAt: () => false,
    writtenAt: () => undefined,
    offsetsAt: (path) => {
      const position = keyOf(path);
      return () => position;
    },
  };
}
