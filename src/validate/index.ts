import type { ValidateFunction } from "ajv";
import { SpecErrors } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import validateBudgetFile from "./generated/budget.js";
import validateModelSpec from "./generated/model-spec.js";
import { schemaErrors } from "./schema-errors.js";

export { describePath, schemaErrors } from "./schema-errors.js";

function validateWith(validate: ValidateFunction, source: YamlSource): void {
  if (validate(source.data)) return;
  throw new SpecErrors(schemaErrors(validate.errors ?? [], source));
}

/** Checks a parsed spec against schema/model-spec.schema.json; throws every violation, positioned. */
export function validateSpec(source: YamlSource): void {
  validateWith(validateModelSpec, source);
}

/** Checks a parsed budget file against schema/budget.schema.json; throws every violation, positioned. */
export function validateBudget(source: YamlSource): void {
  validateWith(validateBudgetFile, source);
}
