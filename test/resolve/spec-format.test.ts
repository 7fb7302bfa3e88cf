import { describe, expect, it } from "vitest";
import { count } from "../helpers/specs.js";

const summary = (text: string, others: Record<string, string> = {}) => count(text, others).layers.map((layer) => [layer.path, layer.type, layer.count, layer.params]);

describe("spec format v1", () => {
  it("reads the issue's example exactly as written", () => {
    const result = count(`model: gpt2-small                 # the name shown in reports
vars:                             # integers usable in any argument
  d: 768
  vocab: 50257
layers:                           # ordered; each item is a one-key mapping  name: layer
  - wte: Embedding(vocab, d)                               # a constructor call, PyTorch's signature
  - stem: Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)   # a line of print(model)
  - class_token: Parameter(1, 1, d)                        # a bare nn.Parameter of that shape
  - h:
      repeat: 12                  # instances h.0 ... h.11, like nn.ModuleList
      layers:
        - ln_1: LayerNorm(d)
        - c_fc: Linear(d, 4 * d)  # + - * // and parentheses over vars and integers
  - lm_head: Linear(d, vocab, bias=False)
tie:                              # parameter path: the parameter it shares storage with
  lm_head.weight: wte.weight
`);
    expect(result.model).toBe("gpt2-small");
    expect(result.layers.map((layer) => [layer.path, layer.count, layer.params, layer.position.line])).toEqual([
      ["wte", 1, 38597376, 6],
      ["stem", 1, 9408, 7],
      ["class_token", 1, 768, 8],
      ["h.[0-11].ln_1", 12, 1536, 12],
      ["h.[0-11].c_fc", 12, 2362368, 13],
      ["lm_head", 1, 0, 14],
    ]);
    expect(result.layers[2]!.parameters).toEqual([{ name: "", shape: [1, 1, 768], numel: 768, trainable: true }]);
    expect(result.layers[5]!.parameters).toEqual([{ name: "weight", shape: [50257, 768], numel: 38597376, trainable: true, sharedWith: "wte.weight" }]);
    expect(result.totals).toEqual({ params: 38597376 + 9408 + 768 + 12 * (1536 + 2362368), trainable: 38597376 + 9408 + 768 + 12 * (1536 + 2362368), nonTrainable: 0, buffers: 0 });
  });

  it("accepts the mapping form with PyTorch's argument names", () => {
    expect(
      summary(
        "layers:\n  - wte: {type: Embedding, num_embeddings: 50257, embedding_dim: 768}\n  - k: {type: Conv2d, in_channels: 3, out_channels: 8, kernel_size: [3, 3], bias: false}\n",
      ),
    ).toEqual([
      ["wte", "Embedding", 1, 38597376],
      ["k", "Conv2d", 1, 216],
    ]);
    expect(count("layers:\n  - wte: {type: Embedding, num_embeddings: 4, embedding_dim: 2}\n").layers[0]!.formula).toBe("Embedding(num_embeddings=4, embedding_dim=2): 4 × 2 = 8");
  });

  it("names the model after its file when model: is absent", () => {
    expect(count("layers:\n  - Linear(2, 2)\n").model).toBe("spec");
  });

  it("freezes layers and whole modules", () => {
    const result = count(`layers:
  - emb: {layer: "Embedding(10, 4)", frozen: true}
  - enc:
      frozen: true
      layers:
        - fc: Linear(4, 4)
  - head: Linear(4, 2)
  - scale: Parameter(4, requires_grad=False)
`);
    expect(result.totals).toEqual({ params: 40 + 20 + 10 + 4, trainable: 10, nonTrainable: 64, buffers: 0 });
    expect(result.layers.map((layer) => layer.parameters.map((tensor) => tensor.trainable))).toEqual([[false], [false, false], [true, true], [false]]);
  });

  it("numbers unnamed children like nn.Sequential, across repeats", () => {
    expect(
      summary(`layers:
  - features:
      layers:
        - Conv2d(3, 8, 3)
        - ReLU(inplace=True)
        - {layer: "Conv2d(8, 8, 3)", repeat: 3}
        - MaxPool2d(2)
`),
    ).toEqual([
      ["features.0", "Conv2d", 1, 224],
      ["features.1", "ReLU", 1, 0],
      ["features.[2-4]", "Conv2d", 3, 584],
      ["features.5", "MaxPool2d", 1, 0],
    ]);
  });

  it("reuses blocks with arguments, defaults and conditions", () => {
    const result = count(`vars:
  expansion: 4
blocks:
  bottleneck:
    params: {inplanes: ~, planes: ~, stride: 1}
    layers:
      - conv1: Conv2d(inplanes, planes, 1, bias=False)
      - conv2: Conv2d(planes, planes, 3, stride=stride, padding=1, bias=False)
      - conv3: Conv2d(planes, planes * expansion, 1, bias=False)
      - downsample:
          if: stride != 1 or inplanes != planes * expansion
          layers:
            - Conv2d(inplanes, planes * expansion, 1, stride=stride, bias=False)
            - BatchNorm2d(planes * expansion)
layers:
  - layer2:
      layers:
        - {use: bottleneck, with: {inplanes: 256, planes: 128, stride: 2}}
        - {use: bottleneck, with: {inplanes: 512, planes: 128}, repeat: 3}
`);
    expect(result.layers.map((layer) => [layer.path, layer.count, layer.params])).toEqual([
      ["layer2.0.conv1", 1, 32768],
      ["layer2.0.conv2", 1, 147456],
      ["layer2.0.conv3", 1, 65536],
      ["layer2.0.downsample.0", 1, 131072],
      ["layer2.0.downsample.1", 1, 1024],
      ["layer2.[1-3].conv1", 3, 65536],
      ["layer2.[1-3].conv2", 3, 147456],
      ["layer2.[1-3].conv3", 3, 65536],
    ]);
    expect(result.totals.buffers).toBe(1025);
  });

  it("evaluates vars in order, each over the ones before", () => {
    expect(summary("vars:\n  d: 64\n  ff: 4 * d\n  half: ff // 2\nlayers:\n  - fc: Linear(d, half)\n")).toEqual([["fc", "Linear", 1, 64 * 128 + 128]]);
  });

  it("includes vars and blocks from other files, and whole specs as modules", () => {
    const others = {
      "lib/blocks.yaml": "vars:\n  d: 8\nblocks:\n  mlp:\n    params: {width: ~}\n    layers:\n      - fc1: Linear(width, 4 * width)\n      - fc2: Linear(4 * width, width)\n",
      "lib/encoder.yaml": "model: encoder\nvars:\n  width: 16\n  ff: 2 * width\nlayers:\n  - fc: Linear(width, ff)\n",
    };
    expect(
      summary(
        `include: lib/blocks.yaml
layers:
  - mlp: {use: mlp, with: {width: d}}
  - enc: {include: lib/encoder.yaml, with: {width: 4}}
  - enc_default: {include: lib/encoder.yaml}
`,
        others,
      ),
    ).toEqual([
      ["mlp.fc1", "Linear", 1, 8 * 32 + 32],
      ["mlp.fc2", "Linear", 1, 32 * 8 + 8],
      ["enc.fc", "Linear", 1, 4 * 8 + 8],
      ["enc_default.fc", "Linear", 1, 16 * 32 + 32],
    ]);
  });

  it("keeps a repeat symbolic: a million instances cost what one does", () => {
    const started = performance.now();
    const result = count(`layers:
  - h:
      repeat: 1000000
      layers:
        - fc: Linear(16, 16)
        - inner: {repeat: 1000, layers: [{fc: "Linear(16, 16)"}]}
`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.layers.map((layer) => [layer.path, layer.count])).toEqual([
      ["h.[0-999999].fc", 1000000],
      ["h.[0-999999].inner.[0-999].fc", 1000000000],
    ]);
    expect(result.totals.params).toBe(272 * 1001000000);
  });

  it("ties every instance of a repeated layer with *", () => {
    const result = count(`layers:
  - shared: Linear(8, 8)
  - h: {repeat: 4, layers: [{fc: "Linear(8, 8)"}]}
tie:
  h.*.fc.weight: shared.weight
`);
    expect(result.totals.params).toBe(72 + 4 * 8);
    expect(result.layers[1]!.parameters[0]!.sharedWith).toBe("shared.weight");
  });

  it("counts a tie at the first owner when the key comes first", () => {
    const result = count("layers:\n  - wte: Embedding(10, 4)\n  - head: Linear(4, 10, bias=False)\ntie:\n  wte.weight: head.weight\n");
    expect(result.layers.map((layer) => layer.params)).toEqual([40, 0]);
    expect(result.layers[1]!.parameters[0]!.sharedWith).toBe("wte.weight");
  });

  it("ties a parameter into one instance of a repeated module", () => {
    const result = count('layers:\n  - h: {repeat: 3, layers: [{fc: "Linear(4, 4)"}]}\n  - head: Linear(4, 4)\ntie:\n  head.weight: h.2.fc.weight\n');
    expect(result.totals.params).toBe(3 * 20 + 4);
  });
});
