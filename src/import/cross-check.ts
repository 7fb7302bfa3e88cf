import type { LayerCount, ModelCount } from "../count/index.js";
import { SpecError, closestName, type SourcePosition } from "../diagnostics/index.js";
import { instancePaths } from "../resolve/index.js";
import { isIndex } from "./spec-tree.js";
import { sameShape } from "../catalogue/index.js";
import { peftView } from "./peft-names.js";
import type { CheckpointTensor } from "./tensors.js";

/** Past this many tensors, a spec is not compared name by name: no checkpoint holds that many. */
const MAX_TENSORS = 1_000_000;
const SHOWN_NAMES = 5;

const joined = (path: string, tensor: string) => (tensor ? `${path}.${tensor}` : path);
const shown = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/** `the 12 tensors h.0.x, h.1.x, ...` or the one name: how many instances a message is about. */
function which(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  const listed = names.slice(0, SHOWN_NAMES).join(", ");
  return `${names.length} tensors: ${listed}${names.length > SHOWN_NAMES ? ", ..." : ""}`;
}

interface SpecTensor {
  layer: LayerCount;
  name: string;
  shape: number[];
  buffer: boolean;
  sharedWith: string | undefined;
}

function specTensors(count: ModelCount): SpecTensor[] {
  return count.layers.flatMap((layer) => [
    ...layer.parameters.map((tensor) => ({ layer, name: tensor.name, shape: tensor.shape, buffer: false, sharedWith: tensor.sharedWith })),
    ...layer.buffers.map((tensor) => ({ layer, name: tensor.name, shape: tensor.shape, buffer: true, sharedWith: undefined })),
  ]);
}

/** A spec tensor some of whose instances the checkpoint lacks. */
interface Missing {
  tensor: SpecTensor;
  names: string[];
}

/** The name among `candidates` of the same shape that `name` was likely renamed to or from. */
function renamed(name: string, shape: readonly number[], candidates: Iterable<{ name: string; shape: readonly number[] }>): string | undefined {
  return closestName(
    name,
    [...candidates].filter((candidate) => sameShape(candidate.shape, shape)).map((candidate) => candidate.name),
  );
}

/**
 * Matched: each spec tensor's instances looked up in the checkpoint by name. Resized ones are errors; absent
 * ones are missing, unless a buffer (non-persistent ones are never saved) or a tie that is satisfied.
 */
function matchTensors(
  tensors: readonly SpecTensor[],
  instances: readonly string[][],
  present: ReadonlyMap<string, CheckpointTensor>,
): { errors: SpecError[]; missing: Missing[]; matched: Set<string> } {
  const matched = new Set<string>();
  // A tie is satisfied by any one of its tensors: savers such as safetensors' keep one name of a shared storage.
  const tiesPresent = new Set<string>();
  tensors.forEach((tensor, index) => {
    if (tensor.sharedWith !== undefined && instances[index]!.some((name) => present.has(name))) tiesPresent.add(tensor.sharedWith);
  });
  const errors: SpecError[] = [];
  const missing: Missing[] = [];
  tensors.forEach((tensor, index) => {
    const absent: string[] = [];
    const resized = new Map<string, string[]>();
    for (const name of instances[index]!) {
      const found = present.get(name);
      if (!found) {
        absent.push(name);
        continue;
      }
      matched.add(name);
      if (!sameShape(found.shape, tensor.shape)) resized.set(shown(found.shape), [...(resized.get(shown(found.shape)) ?? []), name]);
    }
    for (const [shape, names] of resized) {
      errors.push(
        new SpecError(
          "tensor-shape-differs",
          tensor.layer.position,
          `${which(names)} is ${shown(tensor.shape)} in the spec but ${shape} in ${present.get(names[0]!)!.file}`,
          "resize the layer in the spec, or check that the checkpoint is this model's",
        ),
      );
    }
    // A shared tensor is its owner's concern; an owner is fine when a tensor sharing it was saved in its place.
    const unsaved = absent.filter((name) => !tiesPresent.has(name));
    if (unsaved.length && !tensor.buffer && tensor.sharedWith === undefined) missing.push({ tensor, names: unsaved });
  });
  return { errors, missing, matched };
}

/** Missing: spec tensors the checkpoint lacks, at their layers' lines, with an extra of that shape as the likely new name. */
function missingErrors(missing: readonly Missing[], extras: readonly CheckpointTensor[], where: string): SpecError[] {
  return missing.map(({ tensor, names }) => {
    const rename = renamed(names[0]!, tensor.shape, extras);
    const all = names.length === tensor.layer.count && names.length > 1 ? `${joined(tensor.layer.path, tensor.name)} (${names.length} tensors)` : which(names);
    return new SpecError(
      "tensor-missing-from-checkpoint",
      tensor.layer.position,
      `${all} ${shown(tensor.shape)} is in the spec but not in ${where}`,
      rename ? `${where} has '${rename}' of that shape: was it renamed?` : "remove it from the spec, or check that the checkpoint is this model's",
    );
  });
}

/** The spec line nearest a checkpoint name: the layer whose module path is the longest prefix of it, else the spec's top. */
function nearestLayer(tensors: readonly SpecTensor[], instances: readonly string[][], top: SourcePosition): (name: string) => SourcePosition {
  const near = new Map<string, SourcePosition>();
  tensors.forEach((tensor, index) => {
    for (const name of instances[index]!) {
      const segments = name.split(".");
      for (let length = 1; length < segments.length; length++) {
        const prefix = segments.slice(0, length).join(".");
        if (!near.has(prefix)) near.set(prefix, tensor.layer.position);
      }
    }
  });
  return (name) => {
    const segments = name.split(".");
    for (let length = segments.length - 1; length > 0; length--) {
      const position = near.get(segments.slice(0, length).join("."));
      if (position) return position;
    }
    return top;
  };
}

/** Extra: checkpoint tensors the spec lacks, numbered runs (h.0.x … h.11.x) of one shape reported together. */
function extraErrors(extras: readonly CheckpointTensor[], missing: readonly Missing[], nearest: (name: string) => SourcePosition): SpecError[] {
  const missingNames = missing.flatMap(({ tensor, names }) => names.map((name) => ({ name, shape: tensor.shape })));
  const groups = new Map<string, CheckpointTensor[]>();
  for (const extra of extras) {
    const pattern = `${extra.name
      .split(".")
      .map((segment) => (isIndex(segment) ? "*" : segment))
      .join(".")} ${shown(extra.shape)}`;
    groups.set(pattern, [...(groups.get(pattern) ?? []), extra]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [CheckpointTensor];
    const rename = renamed(first.name, first.shape, missingNames);
    return new SpecError(
      "tensor-missing-from-spec",
      nearest(first.name),
      `${first.file} holds ${which(group.map((tensor) => tensor.name))} ${shown(first.shape)}, which the spec does not have`,
      rename ? `the spec has '${rename}' of that shape: was it renamed?` : "add it to the spec: a layer that holds it, or a Parameter entry",
    );
  });
}

/**
 * Compares a spec's tensors with a checkpoint's by name and shape. Missing and resized tensors are reported at
 * the spec lines of their layers, extra ones at the layer nearest their name; instances of a repeated entry
 * and numbered runs of extras are reported together. Buffers may be absent (non-persistent ones are never
 * saved), and a tie is satisfied when the checkpoint holds any one of its tensors, as savers keep one copy.
 * With an adapter, PEFT's names are read as the spec's (peft-names.ts).
 */
export function crossCheck(spec: ModelCount, saved: readonly CheckpointTensor[]): SpecError[] {
  // A PEFT checkpoint names the adapter's tensors its own way; an adapter-only one holds them alone.
  const { count, checkpoint } = peftView(spec, saved);
  const top: SourcePosition = { file: count.file, line: 1, col: 1 };
  const tensors = specTensors(count);
  const expanded = tensors.reduce((sum, tensor) => sum + tensor.layer.count, 0);
  if (expanded > MAX_TENSORS) {
    return [new SpecError("too-many-tensors", top, `the spec stands for ${expanded} tensors, too many to compare with a checkpoint one by one`, "check the repeat counts")];
  }
  const files = [...new Set(checkpoint.map((tensor) => tensor.file))];
  const where = files.length === 1 ? files[0]! : "the checkpoint";
  const present = new Map(checkpoint.map((tensor) => [tensor.name, tensor]));
  const instances = tensors.map((tensor) => instancePaths(tensor.layer.path).map((path) => joined(path, tensor.name)));
  const { errors, missing, matched } = matchTensors(tensors, instances, present);
  const extras = checkpoint.filter((tensor) => !matched.has(tensor.name));
  const all = [...errors, ...missingErrors(missing, extras, where), ...extraErrors(extras, missing, nearestLayer(tensors, instances, top))];
  return all.sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col);
}
