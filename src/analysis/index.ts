/**
 * One spec's whole result, below everything that consumes it: the pure pipeline (analyzeSpec), its
 * in-memory result (AnalyzedModel) and the stable JSON contract every later stage reads (JsonReport).
 */
export { analyzeSpec, type AnalysisOverrides, type AnalyzedModel } from "./analyze.js";
export { largestFitting, whatFits, type FitsRequest, type JsonFits } from "./fits.js";
export {
  JSON_REPORT_FORMAT_VERSION,
  hintJson,
  servingJson,
  toJsonReport,
  type JsonBuffer,
  type JsonHint,
  type JsonLayer,
  type JsonMemory,
  type JsonMemoryFigures,
  type JsonParameter,
  type JsonReport,
  type JsonServing,
  type JsonShapes,
  type JsonTotals,
} from "./json-report.js";
