/**
 * BERT and RoBERTa as transformers' modeling_bert.py and modeling_roberta.py build them: embeddings
 * with token types and their position_ids/token_type_ids buffers, post-norm encoder layers, the
 * pooler (BertModel, BertForSequenceClassification, BertForPreTraining) and the masked-LM heads with
 * their decoder tied to the word embeddings and its bias to the head's own. Parameters only: the
 * post-norm layers' forward is not followed.
 */
import { activation, headOf, labelCount, pythonFloat, type Family, type Translation, widthAndHeads } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

function embeddings(builder: SpecBuilder, norm: string, dropout: string): SpecEntry {
  return builder.module(
    "embeddings",
    [
      builder.layer("word_embeddings", "Embedding(vocab_size, hidden_size)", ["vocab_size"]),
      builder.layer("position_embeddings", "Embedding(max_position_embeddings, hidden_size)", ["max_position_embeddings"]),
      builder.layer("token_type_embeddings", "Embedding(type_vocab_size, hidden_size)", ["type_vocab_size"]),
      builder.layer("LayerNorm", norm, ["layer_norm_eps"]),
      builder.layer("dropout", dropout, ["hidden_dropout_prob"]),
      builder.layer("position_ids", "Buffer(1, max_position_embeddings, persistent=False, dtype=torch.long)", ["max_position_embeddings"]),
      builder.layer("token_type_ids", "Buffer(1, max_position_embeddings, persistent=False, dtype=torch.long)", ["max_position_embeddings"]),
    ],
    ["hidden_size"],
  );
}

function encoder(config: ConfigReader, builder: SpecBuilder, norm: string, dropout: string, count: number): SpecEntry {
  const attentionDropout = `Dropout(${pythonFloat(config.number("attention_probs_dropout_prob", 0.1))})`;
  const linear = (name: string, from: string, to: string, key: string) => builder.layer(name, `Linear(${from}, ${to})`, [key]);
  const self = builder.module(
    "self",
    [
      linear("query", "hidden_size", "hidden_size", "num_attention_heads"),
      linear("key", "hidden_size", "hidden_size", "num_attention_heads"),
      linear("value", "hidden_size", "hidden_size", "num_attention_heads"),
      builder.layer("dropout", attentionDropout, ["attention_probs_dropout_prob"]),
    ],
    ["num_attention_heads"],
  );
  const output = (from: string, key: string) =>
    builder.module(
      "output",
      [linear("dense", from, "hidden_size", key), builder.layer("LayerNorm", norm, ["layer_norm_eps"]), builder.layer("dropout", dropout, ["hidden_dropout_prob"])],
      [key],
    );
  const layer = [
    builder.module("attention", [self, output("hidden_size", "hidden_size")], ["num_attention_heads"]),
    builder.module(
      "intermediate",
      [linear("dense", "hidden_size", "intermediate_size", "intermediate_size"), builder.layer("intermediate_act_fn", activation(config, "hidden_act", "gelu"), ["hidden_act"])],
      ["intermediate_size"],
    ),
    output("intermediate_size", "intermediate_size"),
  ];
  return builder.module("encoder", [builder.module("layer", layer, ["num_hidden_layers"], { repeat: count })], ["num_hidden_layers"]);
}

function baseModel(config: ConfigReader, builder: SpecBuilder, pooler: boolean): SpecEntry[] {
  const norm = `LayerNorm((hidden_size,), eps=${pythonFloat(config.number("layer_norm_eps", 1e-12))})`;
  const dropout = `Dropout(${pythonFloat(config.number("hidden_dropout_prob", 0.1))})`;
  const count = config.size("num_hidden_layers", "the number of layers");
  const layers = [embeddings(builder, norm, dropout), encoder(config, builder, norm, dropout, count)];
  if (pooler)
    layers.push(
      builder.module(
        "pooler",
        [builder.layer("dense", "Linear(hidden_size, hidden_size)", ["hidden_size"]), builder.layer("activation", "Tanh()", ["hidden_size"])],
        ["hidden_size"],
      ),
    );
  return layers;
}

/** The masked-LM head: BertOnlyMLMHead's cls.predictions or RobertaLMHead's lm_head; its decoder's weight and bias are ties. */
function maskedLmHead(config: ConfigReader, builder: SpecBuilder, roberta: boolean): { head: SpecEntry; path: string } {
  const norm = `LayerNorm((hidden_size,), eps=${pythonFloat(config.number("layer_norm_eps", 1e-12))})`;
  const bias = builder.layer("bias", "Parameter(vocab_size)", ["vocab_size"]);
  const dense = builder.layer("dense", "Linear(hidden_size, hidden_size)", ["hidden_size"]);
  const decoder = builder.layer("decoder", "Linear(hidden_size, vocab_size)", ["vocab_size"]);
  if (roberta) return { head: builder.module("lm_head", [bias, dense, builder.layer("layer_norm", norm, ["layer_norm_eps"]), decoder], ["vocab_size"]), path: "lm_head" };
  const transform = builder.module(
    "transform",
    [dense, builder.layer("transform_act_fn", activation(config, "hidden_act", "gelu"), ["hidden_act"]), builder.layer("LayerNorm", norm, ["layer_norm_eps"])],
    ["hidden_size"],
  );
  return { head: builder.module("predictions", [bias, transform, decoder], ["vocab_size"]), path: "cls.predictions" };
}

function classifier(builder: SpecBuilder, roberta: boolean): SpecEntry {
  if (!roberta) return builder.layer("classifier", "Linear(hidden_size, num_labels)", ["num_labels"]);
  return builder.module(
    "classifier",
    [builder.layer("dense", "Linear(hidden_size, hidden_size)", ["hidden_size"]), builder.layer("out_proj", "Linear(hidden_size, num_labels)", ["num_labels"])],
    ["num_labels"],
  );
}

function translate(config: ConfigReader, architecture: string): Translation {
  const builder = config.builder;
  const roberta = architecture.startsWith("Roberta");
  const name = roberta ? "roberta" : "bert";
  widthAndHeads(config);
  for (const [key, what] of [
    ["intermediate_size", "the MLP's width"],
    ["vocab_size", "the vocabulary size"],
    ["max_position_embeddings", "the number of positions"],
  ] as const)
    config.size(key, what);
  config.size("type_vocab_size", "the number of token types", 2);
  const input = { notFollowed: "BERT's post-norm layers are not followed by the forward ops yet" };
  const head = headOf(architecture, roberta ? "Roberta" : "Bert");
  if (head === "Model") return { layers: baseModel(config, builder, true), input };
  if (head === "ForSequenceClassification") {
    labelCount(config);
    return { layers: [builder.module(name, baseModel(config, builder, !roberta), ["model_type"]), classifier(builder, roberta)], input };
  }
  const { head: lm, path } = maskedLmHead(config, builder, roberta);
  const mlmModules = roberta
    ? [lm]
    : [builder.module("cls", [lm, ...(head === "ForPreTraining" ? [builder.layer("seq_relationship", "Linear(hidden_size, 2)", ["architectures"])] : [])], ["architectures"])];
  const tie: Record<string, string> = { [`${path}.decoder.bias`]: `${path}.bias` };
  if (config.flag("tie_word_embeddings", true)) tie[`${path}.decoder.weight`] = `${name}.embeddings.word_embeddings.weight`;
  return { layers: [builder.module(name, baseModel(config, builder, head === "ForPreTraining"), ["model_type"]), ...mlmModules], tie, input };
}

export const BERT: Family = {
  modelTypes: ["bert", "roberta"],
  classes: (modelType) => {
    const prefix = modelType === "roberta" ? "Roberta" : "Bert";
    return [`${prefix}ForMaskedLM`, `${prefix}Model`, `${prefix}ForSequenceClassification`, ...(modelType === "bert" ? ["BertForPreTraining"] : [])];
  },
  translate,
};
