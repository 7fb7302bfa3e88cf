import { describe, expect, it } from "vitest";
import { describeText, errorOf } from "../helpers/layer.js";

const weight = { name: "weight", shape: [10, 4] };

describe("embedding tensors", () => {
  // As PyTorch 1.13 reports them; _freeze is PyTorch >= 2.0, where it creates the weight with requires_grad=False.
  it.each([
    ["Embedding(10, 4, padding_idx=-10)", { ...weight, trainable: true }],
    ["Embedding(10, 4, max_norm=1.0, sparse=True)", { ...weight, trainable: true }],
    ["Embedding(10, 4, _freeze=True)", { ...weight, trainable: false }],
    ["EmbeddingBag(10, 4, None, 2.0, False, 'max', False, None, True, 3)", weight],
    ["EmbeddingBag(10, 4, mode=max, padding_idx=3)", weight],
    ["EmbeddingBag(10, 4, padding_idx=-1)", weight],
  ])("%s", (call, expected) => {
    expect(describeText(call)).toMatchObject({ parameters: [expected], buffers: [] });
  });
});

describe("embedding constraints", () => {
  it.each([
    ["Embedding(0, 4)", "<call>:1:11: Embedding needs a positive 'num_embeddings', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["Embedding(10, 0)", "<call>:1:15: Embedding needs a positive 'embedding_dim', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["Embedding(10, 4, padding_idx=10)", "<call>:1:18: Embedding padding_idx=10 is outside its 10 embeddings\n  use an index from -10 to 9, or None"],
    ["Embedding(10, 4, padding_idx=-11)", "<call>:1:18: Embedding padding_idx=-11 is outside its 10 embeddings\n  use an index from -10 to 9, or None"],
    ["EmbeddingBag(10, 4, padding_idx=12)", "<call>:1:21: EmbeddingBag padding_idx=12 is outside its 10 embeddings\n  use an index from -10 to 9, or None"],
    ["EmbeddingBag(10, 4, mode='median')", "<call>:1:21: EmbeddingBag mode must be 'sum', 'mean' or 'max', got 'median'"],
    [
      "Embedding(10, 4, padding=0)",
      "<call>:1:18: Embedding has no argument 'padding'\n  its arguments are: num_embeddings, embedding_dim, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, _weight, _freeze, device, dtype",
    ],
  ])("%s", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });
});
