// Types of what the tests import from schema-metrics.mjs, a plain script.
export const FROM_REGISTRY: Record<string, (schema: unknown, metrics: unknown) => void>;
