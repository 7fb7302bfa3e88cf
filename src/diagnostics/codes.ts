/**
 * Every kind of diagnostic model-budget reports, once: its stable code, its kebab name (what the
 * source writes at each throw site), its severity, a one-line summary, and an example with its fix
 * for docs/diagnostics.md (written by scripts/diagnostics-docs.mjs). Codes never change meaning and
 * are never reused; a retired kind keeps its number out of circulation.
 *
 * The hundreds follow the pipeline: 1xx parsing (YAML, expressions), 2xx the schema, 3xx resolving
 * (vars, blocks, includes, frozen:, ties), 4xx the catalogue's arguments, 5xx shapes, 6xx memory and
 * the training recipe, 7xx the budget, 8xx importers and checkpoints (binary files at byte offsets),
 * 9xx files and the command line; 10xx are review hints (`model-budget lint`): not errors, each with the
 * saving its fix makes.
 */
export type Severity = "error" | "warning" | "note" | "hint";

export interface DiagnosticKind {
  code: string;
  severity: Severity;
  summary: string;
  /** Input that produces it: spec YAML unless `exampleIn` says what else. */
  example: string;
  exampleIn?: string;
  fix: string;
}

const kinds = {
  // 1xx: parsing
  "yaml-syntax": {
    code: "MB101",
    severity: "error",
    summary: "the file is not valid YAML",
    example: "layers:\n\t- ReLU()",
    fix: "indent with spaces, and close what you open: the hint names the likely cause",
  },
  "duplicate-key": { code: "MB102", severity: "error", summary: "a key appears twice in one mapping", example: "vars:\n  d: 512\n  d: 768", fix: "keep one of them" },
  "nesting-too-deep": {
    code: "MB103",
    severity: "error",
    summary: "YAML nested deeper than a spec may be",
    example: "layers: [[[[[[[[ ... ]]]]]]]]   # hundreds of levels",
    fix: "flatten the structure: real specs nest a few levels",
  },
  "alias-expansion": {
    code: "MB104",
    severity: "error",
    summary: "YAML aliases expand to more nodes than allowed",
    example: "vars:\n  a: &a [x, x, x, x]\n  b: &b [*a, *a, *a, *a]\n  # ... ten levels more",
    fix: "write the repeated part once with repeat: or blocks: instead of aliases",
  },
  "spec-too-large": {
    code: "MB105",
    severity: "error",
    summary: "the spec file is larger than a spec may be",
    example: "# a 2 MiB spec file",
    fix: "split it into several files with include:",
  },
  "comma-splits-call": {
    code: "MB106",
    severity: "error",
    summary: "YAML flow syntax split a layer call at its commas",
    example: "layers: [Linear(4, 8), ReLU()]",
    fix: 'quote the call: ["Linear(4, 8)", ReLU()]',
  },
  "expression-syntax": {
    code: "MB107",
    severity: "error",
    summary: "an expression or layer call does not parse",
    example: "layers:\n  - Linear(d, 4 *)",
    fix: "complete the expression: Linear(d, 4 * d)",
  },

  // 2xx: the schema
  "unknown-key": {
    code: "MB201",
    severity: "error",
    summary: "a key the spec or budget format does not have",
    example: "layer:\n  - Linear(4, 4)",
    fix: "use the key the hint suggests: layers:",
  },
  "missing-key": { code: "MB202", severity: "error", summary: "a required key is missing", example: "blocks:\n  mlp:\n    params: [d]", fix: "add it: a block needs layers:" },
  "wrong-type": {
    code: "MB203",
    severity: "error",
    summary: "a value of the wrong type",
    example: "layers: Linear(4, 4)",
    fix: "give the type the message names: layers: [Linear(4, 4)]",
  },
  "invalid-value": {
    code: "MB204",
    severity: "error",
    summary: "a value outside what the key allows",
    example: "training:\n  zero: 5",
    fix: "use one of the values the message lists",
  },

  // 3xx: resolving vars, blocks, includes, frozen: and ties
  "undefined-variable": {
    code: "MB301",
    severity: "error",
    summary: "a name no vars: or block parameter defines",
    example: "vars: {d: 512}\nlayers:\n  - Linear(dd, 4)",
    fix: "define it under vars:, or fix the typo: Linear(d, 4)",
  },
  "operand-type": {
    code: "MB302",
    severity: "error",
    summary: "an operator or condition given a value it cannot use",
    example: "vars: {act: None}\nlayers:\n  - Linear(act * 2, 4)",
    fix: "give the variable a number",
  },
  "number-too-large": {
    code: "MB303",
    severity: "error",
    summary: "a number beyond 2^53, which cannot be counted exactly",
    example: "layers:\n  - Linear(2 ** 40, 2 ** 40)",
    fix: "check the sizes and repeat counts for a typo",
  },
  "division-by-zero": {
    code: "MB304",
    severity: "error",
    summary: "an expression divides by zero",
    example: "vars: {heads: 0}\nlayers:\n  - Linear(512 // heads, 4)",
    fix: "give the divisor a non-zero value",
  },
  "not-an-integer": {
    code: "MB305",
    severity: "error",
    summary: "a value that must be an integer is not",
    example: 'vars:\n  n: 5 / 2\nlayers:\n  - {layer: "Linear(4, 4)", repeat: n}',
    fix: "make it a whole number: 5 // 2 divides to one",
  },
  "out-of-range": {
    code: "MB306",
    severity: "error",
    summary: "a number below the least the setting allows",
    example: "input: [-1, 16]\nlayers:\n  - Linear(16, 4)",
    fix: "give a positive size: input: [1, 3, 224, 224]",
  },
  "ambiguous-entry": {
    code: "MB307",
    severity: "error",
    summary: "a layer entry with two kinds (layer:, use:, include:, layers:)",
    example: "layers:\n  - {use: mlp, layers: [ReLU()]}",
    fix: "split it into two entries",
  },
  "too-many-instances": {
    code: "MB308",
    severity: "error",
    summary: "repeats multiply to more than 2^53 instances",
    example: 'layers:\n  - a:\n      repeat: 100000000\n      layers:\n        - b: {layer: "Linear(1, 1)", repeat: 100000000}',
    fix: "check repeat: for a typo",
  },
  "unknown-block": {
    code: "MB310",
    severity: "error",
    summary: "use: names no block",
    example: "blocks: {mlp: {layers: [ReLU()]}}\nlayers:\n  - use: mpl",
    fix: "use a defined block: use: mlp",
  },
  "unknown-block-parameter": {
    code: "MB311",
    severity: "error",
    summary: "with: sets a parameter the block does not have",
    example: 'blocks:\n  mlp: {params: {d: ~}, layers: ["Linear(d, d)"]}\nlayers:\n  - {use: mlp, with: {dim: 4}}',
    fix: "set the block's own parameter: with: {d: 4}",
  },
  "missing-block-parameter": {
    code: "MB312",
    severity: "error",
    summary: "a block parameter without a value",
    example: 'blocks:\n  mlp: {params: {d: ~}, layers: ["Linear(d, d)"]}\nlayers:\n  - use: mlp',
    fix: "give it under with: {d: 4}",
  },
  "with-without-target": {
    code: "MB313",
    severity: "error",
    summary: "with: on an entry that is neither use: nor include:",
    example: 'layers:\n  - {layer: "Linear(4, 4)", with: {d: 4}}',
    fix: "remove with:, or use: a block",
  },
  cycle: {
    code: "MB314",
    severity: "error",
    summary: "a block uses itself, or files include each other",
    example: "blocks:\n  a: {layers: [{use: a}]}\nlayers:\n  - use: a",
    fix: "break the cycle",
  },
  "duplicate-name": {
    code: "MB315",
    severity: "error",
    summary: "two children of one module share a name",
    example: "layers:\n  - fc: Linear(4, 4)\n  - fc: Linear(4, 2)",
    fix: "give each child its own name",
  },
  "include-unreadable": {
    code: "MB316",
    severity: "error",
    summary: "an included file is missing, unreadable or absolute",
    example: "layers:\n  - include: blocks/missing.yaml",
    fix: "give a path relative to the including spec, inside the repository",
  },
  "include-without-layers": {
    code: "MB317",
    severity: "error",
    summary: "a file included as a module, or the spec itself, has no layers:",
    example: "layers:\n  - include: shared-vars.yaml   # a file with vars: but no layers:",
    exampleIn: "spec with include:",
    fix: "include a spec with layers:, or use: one of its blocks",
  },
  "include-too-deep": {
    code: "MB318",
    severity: "error",
    summary: "includes nested deeper than allowed",
    example: "# a.yaml includes b.yaml includes c.yaml ... 33 levels",
    fix: "flatten the include chain",
  },
  "conflicting-definition": {
    code: "MB319",
    severity: "error",
    summary: "a block or variable defined differently by two files",
    example: "# a.yaml and b.yaml both define blocks: {mlp: ...}",
    fix: "rename one of them",
  },
  "include-unknown-variable": {
    code: "MB320",
    severity: "error",
    summary: "with: on an include sets a variable the file does not define",
    example: "layers:\n  - {include: encoder.yaml, with: {depth: 6}}   # encoder.yaml has no vars: depth",
    exampleIn: "spec with include:",
    fix: "set only the included spec's vars",
  },
  "invalid-topology": {
    code: "MB321",
    severity: "error",
    summary: "an unknown merge, or residual: and branches: together",
    example: "layers:\n  - m:\n      residual: add\n      branches: concat\n      layers: [ReLU()]",
    fix: "use one of the merges the hint lists",
  },
  "index-outside-repeat": {
    code: "MB322",
    severity: "error",
    summary: "index, a repeat's instance number, used outside a repeat",
    example: "layers:\n  - Linear(4, 4 + index)",
    fix: "use it in an entry with repeat:, or pass it to a block: with: {first: index == 0}",
  },
  "index-redefined": {
    code: "MB323",
    severity: "error",
    summary: "a variable or block parameter named index inside a repeat that uses the instance number",
    example: 'vars: {index: 3}\nlayers:\n  - {layer: "Linear(4, 4 + index)", repeat: 2}',
    fix: "rename the variable: inside a repeat, index is the instance number",
  },
  "indexed-repeat-too-large": {
    code: "MB324",
    severity: "error",
    summary: "repeats that use index stand for more instances than are resolved one by one",
    example: 'layers:\n  - {layer: "Linear(4, 4 + index)", repeat: 20000}',
    fix: "use index in fewer or smaller repeats",
  },
  "function-arguments": {
    code: "MB325",
    severity: "error",
    summary: "ceil, floor, round, min or max called with arguments it does not take",
    example: "vars:\n  d: max(4)\nlayers:\n  - Linear(d, 4)",
    fix: "give min and max two or more numbers, ceil, floor and round one",
  },
  "variable-without-value": {
    code: "MB326",
    severity: "error",
    summary: "a variable written with nothing after its colon",
    example: "vars:\n  d:\nlayers:\n  - Linear(4, 4)",
    fix: "give it a value (d: 16), or write None for Python's None",
  },
  "frozen-partial-repeat": {
    code: "MB330",
    severity: "error",
    summary: "frozen: names some instances of a repeat",
    example: 'layers:\n  - m:\n      frozen: [h.0.weight]\n      layers:\n        - h: {layer: "Linear(4, 4)", repeat: 4}',
    fix: "freeze every instance with *, or split the repeat",
  },
  "frozen-not-found": {
    code: "MB331",
    severity: "error",
    summary: "frozen: names no tensor below its entry",
    example: "layers:\n  - m:\n      frozen: [fc.wieght]\n      layers:\n        - fc: Linear(4, 4)",
    fix: "write the tensor's path below the entry: 0.weight",
  },
  "tie-to-itself": {
    code: "MB340",
    severity: "error",
    summary: "a tie names the same tensor on both sides",
    example: "layers:\n  - wte: Embedding(10, 4)\ntie:\n  wte.weight: wte.weight",
    fix: "tie a tensor to another one, or remove the line",
  },
  "tie-cycle": {
    code: "MB341",
    severity: "error",
    summary: "ties that lead back to where they start",
    example: "layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 4)\ntie:\n  a.weight: b.weight\n  b.weight: a.weight",
    fix: "remove one of the ties",
  },
  "tie-not-found": {
    code: "MB342",
    severity: "error",
    summary: "a tie names no layer or tensor of the model",
    example: "layers:\n  - wte: Embedding(10, 4)\n  - lm_head: Linear(4, 10, bias=False)\ntie:\n  lm_head.weight: wtee.weight",
    fix: "write the tensor's full path, e.g. wte.weight",
  },
  "tie-ambiguous": {
    code: "MB343",
    severity: "error",
    summary: "a tie target names several tensors, or a tie names some instances of a repeat",
    example: 'layers:\n  - h: {layer: "Linear(4, 4)", repeat: 2}\n  - head: Linear(4, 4)\ntie:\n  head.weight: h.*.weight',
    fix: "name one instance: h.0.attn.weight",
  },
  "tie-mismatch": {
    code: "MB344",
    severity: "error",
    summary: "tied tensors differ in shape or in being frozen",
    example: "layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 8)\ntie:\n  b.weight: a.weight",
    fix: "tie tensors of equal shape, both frozen or neither",
  },
  "unknown-hint-code": {
    code: "MB345",
    severity: "error",
    summary: "a lint: ignore list names no review hint",
    example: "lint:\n  ignore: [MB1099]\nlayers:\n  - Linear(4, 4)",
    fix: "name a hint by its code (MB1001) or its name (bias-before-norm): docs/lint.md lists them",
  },

  // 4xx: the layer catalogue's arguments
  "unknown-layer-type": {
    code: "MB401",
    severity: "error",
    summary: "a layer type model-budget does not know",
    example: "layers:\n  - Lineer(4, 4)",
    fix: "fix the typo (Linear), or write a custom module's tensors as Parameter(...) entries",
  },
  "lazy-layer": {
    code: "MB402",
    severity: "error",
    summary: "a Lazy layer, whose sizes come from its first forward pass",
    example: "layers:\n  - LazyLinear(4)",
    fix: "write the layer with its input size: Linear(8, 4)",
  },
  "argument-type": {
    code: "MB403",
    severity: "error",
    summary: "an argument of the wrong type",
    example: "layers:\n  - Linear(4, 4, bias=1.5)",
    fix: "give the type the message names: bias=False",
  },
  "too-many-arguments": {
    code: "MB404",
    severity: "error",
    summary: "more positional arguments than the layer takes",
    example: "layers:\n  - ReLU(True, 1)",
    fix: "name the extra argument, or remove it",
  },
  "unknown-argument": {
    code: "MB405",
    severity: "error",
    summary: "a keyword argument the layer does not have",
    example: "layers:\n  - Linear(4, 4, bais=False)",
    fix: "use the argument the hint suggests: bias=False",
  },
  "duplicate-argument": {
    code: "MB406",
    severity: "error",
    summary: "one argument given twice",
    example: "layers:\n  - Linear(4, 4, in_features=4)",
    fix: "give each argument once",
  },
  "missing-argument": {
    code: "MB407",
    severity: "error",
    summary: "a required argument is missing",
    example: "layers:\n  - Linear(4)",
    fix: "give it, as the signature in the hint shows: Linear(4, 8)",
  },
  "invalid-argument": {
    code: "MB408",
    severity: "error",
    summary: "an argument PyTorch would reject",
    example: "layers:\n  - Conv2d(3, 8, 3, groups=2)",
    fix: "give a value the layer accepts: the message says which",
  },
  "invalid-size": {
    code: "MB409",
    severity: "error",
    summary: "a size no tensor can have: below 1, or a negative padding",
    example: "layers:\n  - Linear(0, 4)",
    fix: "give a size of at least 1: Linear(8, 4)",
  },

  // 5xx: shapes
  "shape-unsupported": {
    code: "MB501",
    severity: "error",
    summary: "shape inference does not follow this layer yet",
    example: "input: [4]\nlayers:\n  - p: Parameter(4)\n  - fc: Linear(4, 4)",
    fix: "remove input: to count without shapes, or hold the Parameter in a module whose forward: uses it",
  },
  "shape-mismatch": {
    code: "MB502",
    severity: "error",
    summary: "a layer or op gets a tensor of the wrong shape",
    example: "input: [1, 3, 32, 32]\nlayers:\n  - Conv2d(1, 8, 3)",
    fix: "make the arguments match what reaches the layer: Conv2d(3, 8, 3)",
  },
  "unknown-child": {
    code: "MB503",
    severity: "error",
    summary: "forward: calls a child the module does not have",
    example: "input: [4]\nlayers:\n  - m:\n      forward: [fcc]\n      layers:\n        - fc: Linear(4, 4)",
    fix: "call an existing child: forward: [fc]",
  },
  "shapes-do-not-combine": {
    code: "MB504",
    severity: "error",
    summary: "an add or concat of shapes that do not combine",
    example: "# a residual around a layer that changes the width",
    fix: "make the shapes equal (add) or equal outside dimension 1 (concat)",
  },
  "unknown-op": {
    code: "MB505",
    severity: "error",
    summary: "forward: names an op model-budget does not know",
    example: 'input: [2, 4]\nlayers:\n  - m:\n      forward: [fc, "gelu2()"]\n      layers:\n        - fc: Linear(4, 4)',
    fix: "use one of the ops the hint lists, or a child's bare name",
  },
  "not-a-parameter": {
    code: "MB506",
    severity: "error",
    summary: "an op that takes a module's Parameter names something else",
    example: 'input: [2, 3, 4]\nlayers:\n  - m:\n      forward: ["cat_token(act)"]\n      layers:\n        - act: ReLU()',
    fix: "name a Parameter(...) entry of the module, e.g. cls: Parameter(1, 1, 4)",
  },

  // 6xx: memory and the training recipe
  "unknown-optimizer": {
    code: "MB601",
    severity: "error",
    summary: "an optimizer model-budget does not know",
    example: "training:\n  optimizer: AdamWW()\nlayers:\n  - Linear(4, 4)",
    fix: "use one of the optimizers the hint lists: AdamW()",
  },
  "unknown-precision": {
    code: "MB602",
    severity: "error",
    summary: "an unknown mixed-precision recipe",
    example: "model-budget report spec.yaml --precision fp12",
    exampleIn: "command line",
    fix: "use one of the precisions the hint lists",
  },
  "unknown-checkpointing": {
    code: "MB603",
    severity: "error",
    summary: "an unknown activation-checkpointing setting",
    example: "model-budget report spec.yaml --checkpointing some",
    exampleIn: "command line",
    fix: "use one of the settings the hint lists",
  },
  "unknown-dtype": {
    code: "MB604",
    severity: "error",
    summary: "a dtype model-budget does not know",
    example: 'layers:\n  - {layer: "Linear(4, 4)", dtype: float17}',
    fix: "use a torch dtype name: bfloat16",
  },
  "invalid-recipe-value": {
    code: "MB605",
    severity: "error",
    summary: "a batch, GPU count or ZeRO stage out of range or not a number",
    example: "model-budget report spec.yaml --optimizer AdamW --zero 4",
    exampleIn: "command line",
    fix: "give a value in range: ZeRO stages are 0 to 3",
  },
  "untrainable-dtype": {
    code: "MB606",
    severity: "error",
    summary: "a trainable parameter stored in an integer or quantized dtype",
    example: 'training:\n  optimizer: AdamW()\nlayers:\n  - {layer: "Linear(4, 4)", dtype: int8}',
    fix: "freeze it (frozen: true), or keep it in a floating dtype",
  },

  // 7xx: the budget
  "invalid-limit": {
    code: "MB701",
    severity: "error",
    summary: "a budget limit that is not a number of the metric's unit",
    example: "gpt2:\n  growth: {memory: 1.5M}",
    fix: "write a memory size with a byte unit: 1.5MiB or 1.5MB",
  },
  "unmatched-budget-entry": {
    code: "MB702",
    severity: "warning",
    summary: "a budget entry that matches no spec, so none of its limits is checked",
    example: "models:\n  gtp2:\n    params: 130M",
    exampleIn: "budget file",
    fix: "key the entry by a spec's model: name or its path: gpt2",
  },

  // 8xx: importers and checkpoints
  "printed-model-syntax": {
    code: "MB801",
    severity: "error",
    summary: "a print(model) file that is not what print(model) prints",
    example: "Sequential(\n  (0): Linear(in_features=4, out_features=4, bias=True)",
    exampleIn: "print(model) text",
    fix: "save exactly what print(model) prints",
  },
  "printed-model-names": {
    code: "MB802",
    severity: "error",
    summary: "printed child names that are too long, repeated or numbered impossibly",
    example: "Sequential(\n  (fc): Linear(4, 4)\n  (fc): Linear(4, 4)\n)",
    exampleIn: "print(model) text",
    fix: "save exactly what print(model) prints",
  },
  "printed-model-too-large": {
    code: "MB803",
    severity: "error",
    summary: "a printed model nested or repeated beyond what a spec holds",
    example: "# modules nested 200 levels deep",
    exampleIn: "print(model) text",
    fix: "check that the file is what print(model) printed",
  },
  "unknown-printed-module": {
    code: "MB804",
    severity: "warning",
    summary: "a printed module model-budget cannot count, held as a placeholder",
    example: "MyBlock(\n  (fc): Linear(...)\n)",
    exampleIn: "print(model) text",
    fix: "replace the TODO entries of the spec with the module's layers or Parameter entries",
  },
  "hidden-tensors": {
    code: "MB805",
    severity: "warning",
    summary: "a printed module holds tensors print(model) does not show",
    example: "(pos): PositionalEmbedding()",
    exampleIn: "print(model) text",
    fix: "add the tensors as Parameter(...) entries",
  },
  "printed-arguments-invalid": {
    code: "MB806",
    severity: "warning",
    summary: "a printed layer whose arguments do not count, held as a placeholder",
    example: "(0): Conv2d(3, 8, kernel_size=(3, 3), groups=2)",
    exampleIn: "print(model) text",
    fix: "fix the layer in the generated spec",
  },
  "malformed-safetensors": {
    code: "MB810",
    severity: "error",
    summary: "a .safetensors file or index that does not read as one, at a byte offset",
    example: "# a header whose data_offsets overlap",
    exampleIn: ".safetensors file",
    fix: "save the checkpoint again: the file is damaged, truncated or not safetensors",
  },
  "malformed-onnx": {
    code: "MB811",
    severity: "error",
    summary: "an .onnx file that does not read as one, at a byte offset",
    example: "# an initializer with an unknown data_type",
    exampleIn: ".onnx file",
    fix: "export the model again with torch.onnx.export",
  },
  "truncated-file": {
    code: "MB812",
    severity: "error",
    summary: "a checkpoint that shrank while it was read",
    example: "# a checkpoint still being written",
    exampleIn: "checkpoint file",
    fix: "wait until it is written, then run again",
  },
  "unknown-checkpoint-format": {
    code: "MB813",
    severity: "error",
    summary: "a checkpoint whose format its name does not tell",
    example: "--against model.bin",
    exampleIn: "command line",
    fix: "name a .safetensors file, its index.json, or an .onnx model",
  },
  "checkpoint-not-a-spec": {
    code: "MB814",
    severity: "error",
    summary: "checkpoint tensor names a spec cannot hold",
    example: "# tensors 'a' and 'a.weight' in one checkpoint",
    exampleIn: "checkpoint file",
    fix: "rename one in the model, or write the spec by hand",
  },
  "tensor-shape-differs": {
    code: "MB820",
    severity: "error",
    summary: "a tensor whose shape differs between spec and checkpoint",
    example: "layers:\n  - fc: Linear(4, 8)   # the checkpoint has fc.weight [16, 4]",
    exampleIn: "spec checked --against a checkpoint",
    fix: "resize the layer, or check the checkpoint is this model's",
  },
  "tensor-missing-from-checkpoint": {
    code: "MB821",
    severity: "error",
    summary: "a spec tensor the checkpoint does not hold",
    example: "layers:\n  - head: Linear(4, 8)   # the checkpoint has no head.*",
    exampleIn: "spec checked --against a checkpoint",
    fix: "remove it from the spec, or rename it as the checkpoint names it",
  },
  "tensor-missing-from-spec": {
    code: "MB822",
    severity: "error",
    summary: "a checkpoint tensor the spec does not have",
    example: "# checkpoint holds pos_embed [1, 197, 768]",
    fix: "add a layer or a Parameter entry that holds it",
  },
  "too-many-tensors": {
    code: "MB823",
    severity: "error",
    summary: "a spec with too many tensors to compare with a checkpoint one by one",
    example: 'layers:\n  - {layer: "Linear(1, 1)", repeat: 100000000}   # checked --against a checkpoint',
    exampleIn: "spec checked --against a checkpoint",
    fix: "check the repeat counts",
  },

  // 9xx: files and the command line
  "file-unreadable": {
    code: "MB901",
    severity: "error",
    summary: "a file that does not exist or cannot be read",
    example: "model-budget report missing.yaml",
    exampleIn: "command line",
    fix: "give the path of a regular file you can read",
  },
  "not-a-regular-file": {
    code: "MB902",
    severity: "error",
    summary: "a directory, device, FIFO or link loop where a file is expected",
    example: "model-budget report models/",
    exampleIn: "command line",
    fix: "give the path of a regular file",
  },
  "outside-folder": {
    code: "MB903",
    severity: "error",
    summary: "a path, or a symbolic link, that leads outside the repository or model folder",
    example: "layers:\n  - include: ../../etc/spec.yaml   # a file outside the repository",
    exampleIn: "spec with include:",
    fix: "keep the file, and what its links point to, inside the repository",
  },
  "file-too-large": {
    code: "MB904",
    severity: "error",
    summary: "a file larger than its kind may be",
    example: "model-budget import torch-repr huge.txt",
    exampleIn: "command line",
    fix: "split the spec with include:, or give the right file",
  },
  "file-not-writable": {
    code: "MB905",
    severity: "error",
    summary: "an output file that cannot be written",
    example: "model-budget init spec.yaml --output /",
    exampleIn: "command line",
    fix: "give the path of a file to write, in an existing or new folder",
  },

  // 10xx: review hints (model-budget lint), each with what its fix saves
  "bias-before-norm": {
    code: "MB1001",
    severity: "hint",
    summary: "a bias right before a normalization that subtracts the mean of each of its channels",
    example: "layers:\n  - Conv2d(3, 64, 7)\n  - BatchNorm2d(64)",
    fix: "write bias=False on the layer: the norm's own shift (beta) does its work",
  },
  "unaligned-dimension": {
    code: "MB1002",
    severity: "hint",
    summary: "a matrix dimension that is not a multiple of 8 in a 16-bit model, which tensor cores handle slowly",
    example: "training:\n  precision: mixed-bf16\nlayers:\n  - wte: Embedding(50257, 768)",
    fix: "pad the size to the multiple of 64 the hint names (nanoGPT pads GPT-2's 50,257 tokens to 50,304), at the parameter cost it gives",
  },
  "untied-embedding": {
    code: "MB1003",
    severity: "note",
    summary: "an embedding and an output head of transposed-equal shape that are not tied",
    example: "layers:\n  - wte: Embedding(50257, 768)\n  - lm_head: Linear(768, 50257, bias=False)",
    fix: "tie them with tie: {lm_head.weight: wte.weight} if sharing suits the model; many models untie on purpose (lint: {ignore: [untied-embedding]} then)",
  },
  "attention-head-size": {
    code: "MB1004",
    severity: "hint",
    summary: "attention heads whose size is not a multiple of 8, or query heads that key/value heads do not divide",
    example: "layers:\n  - MultiheadAttention(60, 4)",
    fix: "choose heads so that embed_dim / heads is a multiple of 8 (FlashAttention and tensor cores need it), and heads a multiple of kv_heads",
  },
  "dead-weights": {
    code: "MB1005",
    severity: "warning",
    summary: "a child with parameters that its module's forward never calls",
    example: "layers:\n  - a: Linear(4, 4)\n  - unused: Linear(4, 4)\nforward: [a]",
    fix: "remove the child, or call it in forward: its parameters are in memory and in the checkpoint either way",
  },
  "lone-frozen-layer": {
    code: "MB1006",
    severity: "note",
    summary: "one layer entry is frozen while every other parameter of the model trains",
    example: 'layers:\n  - a: Linear(4, 4)\n  - b: {layer: "Linear(4, 4)", frozen: true}\n  - c: Linear(4, 4)',
    fix: "check the frozen: is meant; freezing a single layer in a trained model is often a leftover",
  },
  "no-op-layer": {
    code: "MB1007",
    severity: "note",
    summary: "a Dropout with p=0 or an Identity: a layer that does nothing",
    example: "layers:\n  - Linear(4, 4)\n  - Dropout(p=0.0)",
    fix: "remove it if it is an import leftover, or give the dropout its rate; keep an Identity that holds a place in a Sequential's numbering",
  },
} satisfies Record<string, DiagnosticKind>;

export type DiagnosticName = keyof typeof kinds;

export const DIAGNOSTICS: Readonly<Record<DiagnosticName, DiagnosticKind>> = kinds;

/** The stages' titles by hundred, for the docs and for grouping. */
export const STAGES: Readonly<Record<string, string>> = {
  "1": "Parsing: YAML and expressions",
  "2": "The spec and budget formats (schema)",
  "3": "Resolving: vars, blocks, includes, frozen: and ties",
  "4": "Layer arguments (the catalogue)",
  "5": "Shapes",
  "6": "Memory and the training recipe",
  "7": "The budget",
  "8": "Importers and checkpoints",
  "9": "Files and the command line",
  "10": "Review hints (model-budget lint)",
};

/** The stage of a code: its digits but the last two (`MB401` → `4`, `MB1001` → `10`). */
export function stageOf(code: string): string {
  return code.slice(2, -2);
}
