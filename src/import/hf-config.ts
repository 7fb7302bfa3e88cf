import { stringify } from "yaml";
import { SpecError } from "../diagnostics/index.js";
import { isHfConfig, translateHfConfig } from "../hf-config/index.js";
import { parseYaml } from "../parse/yaml.js";
import { SCHEMA_URL } from "./spec-tree.js";

/** A spec written from a config.json, and what it does not follow. */
export interface HfConfigImport {
  text: string;
  /** Why its forward pass is not followed, when it is not. */
  notFollowed?: string;
}

/**
 * The spec a Hugging Face config.json stands for, as YAML to edit by hand: the config's sizes as
 * vars of the keys' names, the modules under transformers' names, the forward where it is followed.
 */
export function importHfConfig(text: string, file: string, model: string, origin = "model-budget report on the config.json itself gives the same counts"): HfConfigImport {
  const parsed = parseYaml(text, file);
  if (!isHfConfig(parsed.data))
    throw new SpecError(
      "hf-config-missing-key",
      parsed.at([]),
      `${file} is not a Hugging Face config.json: it has neither "model_type" nor "architectures"`,
      "name the model's config.json, which has both",
    );
  const source = translateHfConfig(parsed);
  const data = source.data as Record<string, unknown> & { vars: Record<string, unknown> };
  const config = parsed.data as Record<string, unknown>;
  const architecture = (config.architectures as string[])[0]!;
  // The file's name is the user's: a line break or control character in it must not end the comment.
  // eslint-disable-next-line no-control-regex
  const shownFile = file.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  const header = [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    `# ${architecture} as transformers builds it from ${shownFile} (model_type ${String(config.model_type)}), written by model-budget import hf-config.`,
    `# The vars are the config's keys; ${origin}.`,
    ...(source.notFollowed ? [`# No input: or forward: here, so no shapes: ${source.notFollowed}.`] : []),
  ];
  const body = stringify({ ...data, model }, { lineWidth: 0 });
  return { text: `${header.join("\n")}\n${body}`, ...(source.notFollowed ? { notFollowed: source.notFollowed } : {}) };
}
