// The parts of the JSON Schemas that come from the metric registry (src/metrics/registry.ts):
// scripts/compile-schemas.mjs writes them into schema/, and test/metrics/registry.test.ts checks
// that the committed schemas hold exactly what the registry gives.

/** Properties of a budget entry that are not metrics; they follow the metrics, in this order. */
const BUDGET_ENTRY_KEYS = ["growth", "modules", "against", "lint"];

/** A budget entry's `limits` properties: one per metric that takes a limit, then the entry's own keys. */
function budgetLimits(limits, metrics) {
  const properties = Object.fromEntries(
    metrics.filter((metric) => metric.limit !== undefined).map((metric) => [metric.name, { $ref: `#/definitions/${metric.unit}`, description: metric.limit }]),
  );
  for (const key of BUDGET_ENTRY_KEYS) properties[key] = limits.properties[key];
  const perMetric = properties.growth.oneOf.find((choice) => choice.type === "object");
  perMetric.properties = Object.fromEntries(metrics.filter((metric) => metric.growth).map((metric) => [metric.name, { $ref: "#/definitions/growth" }]));
  limits.properties = properties;
}

/** Schemas with parts generated from the registry, each changed in place. */
export const FROM_REGISTRY = {
  "schema/budget.schema.json": (schema, metrics) => budgetLimits(schema.definitions.limits, metrics),
  "schema/saved-report.schema.json": (schema, metrics) => {
    schema.definitions.metric.enum = metrics.map((metric) => metric.name);
  },
};
