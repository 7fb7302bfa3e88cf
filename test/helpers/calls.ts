import { formatPath, type PathSegment } from "../../src/resolve/index.js";
import type { CallRecord } from "../../src/shapes/index.js";

/**
 * Calls with every run of identical instances written out, in call order: `layer1.[1-2].conv1`,
 * `layer1.[1-2].bn1` become `layer1.1.conv1`, `layer1.1.bn1`, `layer1.2.conv1`, `layer1.2.bn1`.
 */
export function expandCalls(calls: readonly CallRecord[]): { path: string; type: string; output: number[]; layer?: number }[] {
  const expand = (group: readonly { segments: PathSegment[]; call: CallRecord }[]): { path: string; type: string; output: number[]; layer?: number }[] => {
    const out: ReturnType<typeof expand> = [];
    let i = 0;
    while (i < group.length) {
      const { segments, call } = group[i]!;
      const run = segments.findIndex((segment) => typeof segment === "object");
      if (run < 0) {
        out.push({ path: formatPath(segments), type: call.type, output: call.output, ...(call.layer === undefined ? {} : { layer: call.layer }) });
        i++;
        continue;
      }
      // The run's calls are consecutive: every call under the same prefix belongs to it.
      const prefix = formatPath(segments.slice(0, run + 1));
      let j = i;
      while (j < group.length && formatPath(group[j]!.segments.slice(0, run + 1)) === prefix) j++;
      const { from, to } = segments[run] as { from: number; to: number };
      for (let index = from; index <= to; index++) {
        out.push(...expand(group.slice(i, j).map((item) => ({ call: item.call, segments: item.segments.map((segment, position) => (position === run ? index : segment)) }))));
      }
      i = j;
    }
    return out;
  };
  return expand(calls.map((call) => ({ segments: call.segments, call })));
}
