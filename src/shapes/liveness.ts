import type { AttentionImplementation } from "./attention-implementations.js";
import type { PrefillPeak, Tensor } from "./types.js";

/** How a serving forward runs attention, for the prefill peak: docs/serving.md, "The prefill peak". */
export interface PrefillOptions {
  /** eager materializes the scores (Hugging Face's eager_attention_forward); sdpa and flash run a fused kernel that does not. */
  attention: AttentionImplementation;
  /** all: the head runs on every position (transformers 5's forward); last: on the last one only (generate()'s logits_to_keep=1). */
  logits: "all" | "last";
}

/** A tensor or a transient the peak counts, with what it is. */
export interface LivePart {
  what: string;
  bytes: number;
}

/**
 * The live tensors of an inference forward without autograd, for the prefill peak. A call's input
 * and output are live while it runs, and so is everything its callers still hold: a module's or an
 * op's input until it returns (the Python argument), a residual's shortcut, the factors a product
 * waits for. Anything else is freed as soon as its consumer finishes, as CPython's reference counts
 * free it. Storages in `excluded` exist before the forward (its input) or are counted elsewhere (the
 * KV cache the forward fills).
 */
export class Liveness {
  private readonly held = new Map<number, { tensor: Tensor; count: number }>();
  readonly excluded = new Set<number>();
  peak: PrefillPeak = { bytes: 0, at: "", parts: [] };

  constructor(readonly options: PrefillOptions) {}

  hold(tensor: Tensor): void {
    const entry = this.held.get(tensor.storage);
    if (entry) entry.count++;
    else this.held.set(tensor.storage, { tensor, count: 1 });
  }

  release(tensor: Tensor): void {
    const entry = this.held.get(tensor.storage)!;
    if (--entry.count === 0) this.held.delete(tensor.storage);
  }

  private quiet = false;

  /** Runs `work` without recording its moments: a merge of many branches is one op (torch.cat), not its pairwise steps. */
  quietly<T>(work: () => T): T {
    this.quiet = true;
    try {
      return work();
    } finally {
      this.quiet = false;
    }
  }

  /** One moment of a call: what its callers hold, the tensors it works on, and its own transients. */
  touch(at: string, tensors: readonly Tensor[], transients: readonly LivePart[] = []): void {
    if (this.quiet) return;
    const seen = new Set<number>();
    const parts: LivePart[] = [];
    for (const tensor of [...[...this.held.values()].map((entry) => entry.tensor), ...tensors]) {
      if (seen.has(tensor.storage) || this.excluded.has(tensor.storage)) continue;
      seen.add(tensor.storage);
      parts.push({ what: tensor.producer, bytes: tensor.storageBytes });
    }
    parts.push(...transients.filter((part) => part.bytes > 0));
    const bytes = parts.reduce((sum, part) => sum + part.bytes, 0);
    if (bytes > this.peak.bytes) this.peak = { bytes, at, parts };
  }
}
