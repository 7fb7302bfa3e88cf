import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import type { ReadFile } from "../../src/resolve/index.js";
import { expandCalls } from "../helpers/calls.js";
import { readRepoFile } from "../helpers/specs.js";

/** test/fixtures/pytorch/encoder-decoder.py's measurements: HF's T5, Whisper and CLIP in plain torch.nn, train mode. */
interface Measured {
  model: string;
  size: string;
  inputs: Record<string, { shape: number[]; dtype: string }>;
  output: number[];
  params: number;
  trainable: number;
  parameters: [name: string, shape: number[]][];
  macs: number;
  matmul_macs: number;
  saved_bytes: number;
  saved_by_dtype: Record<string, number>;
  leaf_outputs: [path: string, type: string, shape: number[]][];
}

const fixture = JSON.parse(readRepoFile("test/fixtures/pytorch/encoder-decoder.json")) as { train: Measured[] };
const measured = (model: string, size: string) => fixture.train.find((item) => item.model === model && item.size === size)!;

/** The shipped spec with some of its vars given other values: the same modules at another size. */
function withVars(file: string, values: Record<string, number>): ReadFile {
  return (path) => {
    let text = readRepoFile(path);
    if (path !== file) return text;
    for (const [name, value] of Object.entries(values)) {
      const line = new RegExp(`^  ${name}: .*$`, "m");
      if (!line.test(text)) throw new Error(`${file} has no var ${name}`);
      text = text.replace(line, `  ${name}: ${value}`);
    }
    return text;
  };
}

function analyze(file: string, values: Record<string, number>, batch: number) {
  return analyzeSpec(file, withVars(file, values), { batch: { value: batch, from: "test" } });
}

/** The leaf calls in call order as [path, type, shape], from the report's calls. */
function leaves(analyzed: ReturnType<typeof analyzeSpec>): [string, string, number[]][] {
  return expandCalls(analyzed.shapes!.calls)
    .filter((call) => call.layer !== undefined)
    .map((call) => [call.path, call.type, call.output]);
}

const T5 = "examples/t5-base.yaml";
const T5_SMALL = { d: 32, d_ff: 64, heads: 4, d_kv: 8, vocab: 96, buckets: 8, stack: 2, source: 12, target: 7 };
const WHISPER = "examples/whisper-base.yaml";
const WHISPER_SMALL = { d: 32, heads: 4, ffn: 64, vocab: 100, mels: 8, positions: 10, frames: 20, target_positions: 16, stack: 2, target: 6, pad: 99 };
const CLIP = "examples/clip-vit-b-32.yaml";
const CLIP_SMALL = {
  projection: 24,
  text_width: 32,
  text_heads: 4,
  text_ffn: 64,
  text_layers: 2,
  vocab: 100,
  context: 12,
  vision_width: 48,
  vision_heads: 4,
  vision_ffn: 96,
  vision_layers: 2,
  image_size: 32,
  patch: 8,
};

describe("t5-base.yaml against HF's T5ForConditionalGeneration in PyTorch (train mode, float32)", () => {
  it("counts t5-base's 222,903,552 parameters under HF's names, the head and both embed_tokens tied to shared", () => {
    const analyzed = analyzeSpec(T5, readRepoFile);
    const torch = measured("t5", "t5-base");
    expect(analyzed.totals.params).toBe(222_903_552);
    expect(torch.params).toBe(222_903_552);
    const names = analyzed.layers.flatMap((layer) => layer.parameters.map((tensor) => (tensor.name ? `${layer.path}.${tensor.name}` : layer.path)));
    expect(names.filter((name) => !/embed_tokens|lm_head/.test(name)).sort()).toEqual(torch.parameters.map(([name]) => name).sort());
  });
});
