import { SpecErrors } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import validateModelSpec from "./generated/model-spec.js";
import { schemaErrors } from "./schema-errors.js";

export { describePath, schemaErrors } from "./schema-errors.js";

/** Checks a parsed spec against schema/model-spec.schema.json; throws every violation, positioned. */
export function validateSpec(source: YamlSource): void {
  if (validateModelSpec(source.data)) return;
  throw new SpecErrors(schemaErrors(validateModelSpec.errors ?? [], source));
}
