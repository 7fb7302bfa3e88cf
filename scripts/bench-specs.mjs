// The benchmark's generated specs (scripts/bench.mjs), also read by the fast YAML reader's test.

/**
 * One stage of the large spec: five sub-modules of ten layers from most of the catalogue's families,
 * in call-string and mapping form. `w` is the stage's width and `i` its index, so every layer of the
 * spec differs from every other in its arguments as well as its path: nothing can be counted once
 * and reused.
 */
function stage(i, w) {
  const p = ((i % 999) + 1) / 1000;
  return {
    stem: [
      ["conv", `Conv2d(${w}, ${w + 8}, kernel_size=3, stride=1, padding=1, bias=False)`],
      ["bn", `BatchNorm2d(${w + 8}, eps=1e-05, momentum=0.1)`],
      ["act", `LeakyReLU(negative_slope=${p}, inplace=True)`],
      ["pw", `Conv2d(${w + 8}, 2 * ${w}, kernel_size=(1, 1))`],
      ["dw", `Conv2d(2 * ${w}, 2 * ${w}, kernel_size=3, padding=1, groups=2 * ${w}, bias=False)`],
      ["gn", `GroupNorm(2, 2 * ${w})`],
      ["up", `ConvTranspose2d(2 * ${w}, ${w}, kernel_size=2, stride=2)`],
      ["pool", `AdaptiveAvgPool2d(output_size=(${i + 1}, ${i + 1}))`],
      ["drop", `Dropout2d(p=${p})`],
      ["inorm", `InstanceNorm2d(${w}, affine=True)`],
    ],
    attn: [
      ["ln", `LayerNorm(8 * ${w}, eps=1e-05)`],
      ["q_proj", `Linear(8 * ${w}, 8 * ${w}, bias=False)`],
      ["k_proj", `Linear(in_features=8 * ${w}, out_features=2 * ${w}, bias=False)`],
      ["v_proj", { type: "Linear", in_features: 8 * w, out_features: 2 * w, bias: false }],
      ["o_proj", `Linear(8 * ${w}, 8 * ${w})`],
      ["mha", `MultiheadAttention(embed_dim=8 * ${w}, num_heads=8, dropout=${p}, batch_first=True)`],
      ["rms", `RMSNorm((8 * ${w},), eps=1e-06)`],
      ["drop", `Dropout(p=${p})`],
      ["softmax", `Softmax(dim=${-1 - (i % 3)})`],
      ["rotary", `Buffer(${w} // 2, persistent=False)`],
    ],
    mlp: [
      ["fc1", `Linear(${w}, expand * ${w})`],
      ["act", `ELU(alpha=${1 + p})`],
      ["fc2", `Linear(expand * ${w}, ${w})`],
      ["gate", { type: "Linear", in_features: w, out_features: w + i + 1 }],
      ["prelu", `PReLU(num_parameters=${w})`],
      ["ln", `LayerNorm((${w},), elementwise_affine=True, bias=${i % 2 ? "True" : "False"})`],
      ["drop", `Dropout(${p})`],
      ["scale", `Parameter(${w})`],
      ["shift", `Parameter(1, ${w}, requires_grad=False)`],
      ["glu", `GLU(dim=${-1 - (i % 4)})`],
    ],
    seq: [
      ["emb", `Embedding(1000 + ${i}, ${w}, padding_idx=0)`],
      ["lstm", `LSTM(${w}, ${w + 16}, num_layers=${1 + (i % 3)}, batch_first=True)`],
      ["gru", `GRU(${w + 16}, 32, bidirectional=True)`],
      ["conv1d", `Conv1d(64, ${w}, kernel_size=5, padding=2)`],
      ["bn1d", `BatchNorm1d(${w}, track_running_stats=${i % 2 ? "True" : "False"})`],
      ["pool", `AdaptiveMaxPool1d(output_size=${i + 1})`],
      ["cell", `GRUCell(${w}, ${16 + (i % 16)})`],
      ["bag", `EmbeddingBag(${w}, 16, mode='sum')`],
      ["rnn", `RNN(16, ${w}, nonlinearity='relu')`],
      ["flatten", `Flatten(start_dim=1, end_dim=${-1 - (i % 2)})`],
    ],
    head: [
      ["norm", `BatchNorm2d(${w}, affine=${i % 3 ? "True" : "False"})`],
      ["proj", `Linear(${w}, ${10 + i})`],
      ["cls", `Parameter(1, 1, ${w})`],
      ["pos", `Buffer(${w}, 4)`],
      ["conv3d", `Conv3d(4, ${w}, kernel_size=(1, 3, 3), padding=(0, 1, 1))`],
      ["pool3d", `MaxPool3d(kernel_size=2, stride=${1 + (i % 2)})`],
      ["lrn", `LocalResponseNorm(size=${1 + (i % 5)})`],
      ["classifier", { type: "Linear", in_features: w, out_features: 1000 + i }],
      ["act", `Hardtanh(min_val=-${1 + p}, max_val=${1 + p})`],
      ["logits", `LogSoftmax(dim=${-1 - (i % 2)})`],
    ],
  };
}

const LEAVES_PER_STAGE = Object.values(stage(0, 8)).reduce((sum, leaves) => sum + leaves.length, 0);

function yamlValue(value) {
  if (typeof value === "string") return value;
  return `{${Object.entries(value)
    .map(([key, item]) => `${key}: ${item}`)
    .join(", ")}}`;
}

/** Leaf lines of one stage at `indent`, grouped into its sub-modules; attn nests one level deeper. */
function stageLines(i, w, indent) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const [group, leaves] of Object.entries(stage(i, w))) {
    lines.push(`${pad}- ${group}:`, `${pad}    layers:`);
    if (group === "attn") {
      // Hugging Face-style nesting: the projections sit one module further down.
      const [projections, rest] = [leaves.slice(1, 5), [leaves[0], ...leaves.slice(5)]];
      lines.push(`${pad}      - self:`, `${pad}          layers:`);
      for (const [name, call] of projections) lines.push(`${pad}            - ${name}: ${yamlValue(call)}`);
      for (const [name, call] of rest) lines.push(`${pad}      - ${name}: ${yamlValue(call)}`);
    } else {
      for (const [name, call] of leaves) lines.push(`${pad}      - ${name}: ${yamlValue(call)}`);
    }
  }
  return lines;
}

/** `layers` distinct layer entries (a multiple of 50): stages of different widths, grouped four to an encoder. */
export function bigSpec(layers) {
  const stages = layers / LEAVES_PER_STAGE;
  const lines = [
    `# Generated by scripts/bench.mjs: ${layers} distinct layer entries, no repeat.`,
    "model: bench-10k",
    "vars:",
    "  expand: 4",
    "layers:",
    "  - embed: Embedding(32000, 256)",
    "  - encoders:",
    "      layers:",
  ];
  let written = 1;
  for (let i = 0; i < stages - 1; i++) {
    if (i % 4 === 0) lines.push(`        - enc${i / 4}:`, "            layers:");
    lines.push(`              - stage${i}:`, "                  layers:", ...stageLines(i, 16 + 4 * i, 20));
    written += LEAVES_PER_STAGE;
  }
  // The last stage, less the embedding above and the two layers below, rounds the spec to `layers`.
  const last = stageLines(stages - 1, 16 + 4 * (stages - 1), 8).filter((line) => !line.includes("- pool3d:") && !line.includes("- lrn:") && !line.includes("- logits:"));
  lines.push("  - final:", "      layers:", ...last);
  written += LEAVES_PER_STAGE - 3;
  lines.push("  - norm: LayerNorm(256)", "  - lm_head: Linear(256, 32000, bias=False)");
  written += 2;
  lines.push("tie:", "  lm_head.weight: embed.weight");
  if (written !== layers) throw new Error(`bench: the large spec has ${written} layers, not ${layers}`);
  return `${lines.join("\n")}\n`;
}

/** A 100-layer block repeated `repeat` times: the work should be that of 100 layers. */
export function repeatSpec(repeat) {
  const lines = [
    `# Generated by scripts/bench.mjs: a 100-layer block, repeat: ${repeat}.`,
    "model: bench-repeat",
    "vars:",
    "  expand: 4",
    "blocks:",
    "  cell:",
    "    layers:",
    "      - first:",
    "          layers:",
    ...stageLines(0, 16, 12),
    "      - second:",
    "          layers:",
    ...stageLines(1, 24, 12),
    "layers:",
    `  - cells: {use: cell, repeat: ${repeat}}`,
    "  - out: Linear(16, 2)",
  ];
  return `${lines.join("\n")}\n`;
}
