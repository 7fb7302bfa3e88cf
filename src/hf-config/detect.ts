/** A parsed file is a Hugging Face config when it is a mapping with model_type or architectures and no spec layers:. */
export function isHfConfig(data: unknown): boolean {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const keys = data as Record<string, unknown>;
  return keys.layers === undefined && (keys.model_type !== undefined || keys.architectures !== undefined);
}
