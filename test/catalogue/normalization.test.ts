import { describe, expect, it } from "vitest";
import { describeText, errorOf } from "../helpers/layer.js";

const affine = (size: number[]) => [
  { name: "weight", shape: size },
  { name: "bias", shape: size },
];
const runningStats = (features: number) => [
  { name: "running_mean", shape: [features] },
  { name: "running_var", shape: [features] },
  { name: "num_batches_tracked", shape: [] },
];

describe("normalization tensors", () => {
  // Every case but the last four is what PyTorch 1.13 reports; those are newer than 1.13 (see the fixtures README).
  it.each([
    ["SyncBatchNorm(16)", affine([16]), runningStats(16)],
    ["SyncBatchNorm(16, affine=False, track_running_stats=False, process_group=None)", [], []],
    ["InstanceNorm3d(8, affine=True, track_running_stats=True)", affine([8]), runningStats(8)],
    ["InstanceNorm1d(8, track_running_stats=True)", [], runningStats(8)],
    ["BatchNorm2d(10, 1e-3, None)", affine([10]), runningStats(10)],
    ["BatchNorm2d(10, eps=0.001, momentum=None, affine=True, track_running_stats=True)", affine([10]), runningStats(10)],
    ["BatchNorm1d(10, affine=False, track_running_stats=False)", [], []],
    ["LayerNorm((4, 8), elementwise_affine=False)", [], []],
    ["LayerNorm([3, 4], eps=1e-6)", affine([3, 4]), []],
    ["GroupNorm(2, 8, eps=1e-3)", affine([8]), []],
    ["LocalResponseNorm(3, 1e-3, 0.5, 2.0)", [], []],
    ["CrossMapLRN2d(5, alpha=0.0001, beta=0.75, k=2)", [], []],
    ["LayerNorm(768, bias=False)", [{ name: "weight", shape: [768] }], []],
    ["LayerNorm((4, 8), elementwise_affine=False, bias=True)", [], []],
    ["RMSNorm(4096)", [{ name: "weight", shape: [4096] }], []],
    ["RMSNorm((8, 16), eps=1e-6, elementwise_affine=False)", [], []],
  ])("%s", (call, parameters, buffers) => {
    expect(describeText(call)).toMatchObject({ parameters, buffers });
  });
});

describe("normalization constraints", () => {
  it.each([
    ["BatchNorm1d(0)", "<call>:1:13: BatchNorm1d needs a positive 'num_features', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["BatchNorm2d(10, momentum=None, eps=None)", "<call>:1:32: BatchNorm2d argument 'eps' must be a number, got None\n  write a number such as 0.1"],
    ["GroupNorm(3, 64)", "<call>:1:11: GroupNorm num_channels=64 is not divisible by num_groups=3\n  use a num_groups that divides 64"],
    ["GroupNorm(0, 64)", "<call>:1:11: GroupNorm needs a positive 'num_groups', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["LayerNorm((4, 0))", "<call>:1:11: LayerNorm needs positive sizes in 'normalized_shape', got (4, 0)\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["RMSNorm(0)", "<call>:1:9: RMSNorm needs positive sizes in 'normalized_shape', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["LocalResponseNorm(0)", "<call>:1:19: LocalResponseNorm needs a positive 'size', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
  ])("%s", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });
});

describe("FrozenBatchNorm2d (torchvision.ops.misc)", () => {
  // torchvision 0.14: named_buffers() of FrozenBatchNorm2d(64) are weight, bias, running_mean, running_var, each [64]; no parameters.
  it("holds four buffers and no parameters, and binds its repr", () => {
    for (const text of ["FrozenBatchNorm2d(64)", "FrozenBatchNorm2d(64, eps=1e-05)"]) {
      const described = describeText(text);
      expect(described.parameters).toEqual([]);
      expect(described.buffers).toEqual(["weight", "bias", "running_mean", "running_var"].map((name) => ({ name, shape: [64] })));
    }
  });

  it("refuses a non-positive size", () => {
    expect(errorOf("FrozenBatchNorm2d(0)")).toBe(
      "<call>:1:19: FrozenBatchNorm2d needs a positive 'num_features', got 0\n  write 1 or more; when an expression gives it, check the vars it uses",
    );
  });
});
