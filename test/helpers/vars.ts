import type { ReadFile } from "../../src/resolve/index.js";
import { readRepoFile } from "./specs.js";

/** The repository's spec `file` with some of its vars given other values: the same modules at another size. */
export function withVars(file: string, values: Record<string, number>): ReadFile {
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

/** The small T5 and Whisper of test/fixtures/pytorch/encoder-decoder.py, as vars of the shipped specs. */
export const T5_SMALL = { d: 32, d_ff: 64, heads: 4, d_kv: 8, vocab: 96, buckets: 8, stack: 2, source: 12, target: 7 };
export const WHISPER_SMALL = { d: 32, heads: 4, ffn: 64, vocab: 100, mels: 8, positions: 10, frames: 20, target_positions: 16, stack: 2, target: 6, pad: 99 };
