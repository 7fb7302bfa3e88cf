import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { readInputs, type ActionInputs } from "../../src/action/inputs.js";

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
}

const action = parse(readFileSync(new URL("../../action.yml", import.meta.url), "utf8")) as ActionYml;

/** Where each input with a default lands in what the code reads. */
const FIELD: Record<string, keyof ActionInputs> = {
  budget: "budget",
  comment: "comment",
  "comment-key": "commentKey",
  "fail-on": "failOn",
  "budget-from": "budgetFrom",
  mode: "mode",
  chart: "chart",
};

/** How @actions/core names an input's environment variable: INPUT_ and the name in capitals, hyphens kept. */
const envName = (input: string) => `INPUT_${input.replace(/ /g, "_").toUpperCase()}`;

function withInputs(inputs: Record<string, string>): ActionInputs {
  for (const name of Object.keys(action.inputs)) delete process.env[envName(name)];
  for (const [name, value] of Object.entries(inputs)) process.env[envName(name)] = value;
  return readInputs();
}

afterEach(() => {
  for (const name of Object.keys(action.inputs)) delete process.env[envName(name)];
});

describe("action.yml, as the Marketplace and the code read it", () => {
  it("has a description the Marketplace accepts (under 125 characters) and keeps its branding", () => {
    expect(action.description.length).toBeLessThan(125);
    expect(action.branding).toEqual({ icon: "bar-chart-2", color: "blue" });
  });

  it("states for every input with a default exactly what the code does when the input is left out", () => {
    const omitted = withInputs({ specs: "models/*.yaml" });
    const documented = Object.entries(action.inputs).filter(([, input]) => input.default !== undefined && !input.default.startsWith("${{"));
    expect(documented.map(([name]) => name).sort()).toEqual(Object.keys(FIELD).sort());
    for (const [name, input] of documented) {
      expect({ input: name, value: omitted[FIELD[name]!] }).toEqual({ input: name, value: input.default });
      // Passing the documented default explicitly changes nothing.
      expect(withInputs({ specs: "models/*.yaml", [name]: input.default! })).toEqual(omitted);
    }
  });

  it("leaves the token to the runner: the code adds no token of its own when github-token is empty", () => {
    expect(action.inputs["github-token"]!.default).toBe("${{ github.token }}");
    expect(withInputs({ specs: "models/*.yaml" }).token).toBe("");
  });

  it("has no hidden default for the inputs without one: left out, they override nothing", () => {
    const omitted = withInputs({ specs: "models/*.yaml" });
    const withoutDefault = Object.entries(action.inputs)
      .filter(([, input]) => input.default === undefined)
      .map(([name]) => name);
    expect(withoutDefault.sort()).toEqual([
      "adapter",
      "attention",
      "batch",
      "checkpointing",
      "context",
      "cp",
      "dtype",
      "ep",
      "gpus",
      "kv-dtype",
      "main-grads",
      "optimizer",
      "pp",
      "precision",
      "report",
      "serve-dtype",
      "specs",
      "tp",
      "zero",
    ]);
    expect(omitted.training).toEqual({});
    const laidOut = withInputs({ specs: "models/*.yaml", tp: "8", pp: "2", "main-grads": "float32" }).training;
    expect([laidOut.tp?.value, laidOut.pp?.value, laidOut.mainGrads?.value.name]).toEqual([8, 2, "float32"]);
    expect(omitted.report).toBe("");
  });

  it("reads the adapter input as --adapter reads it, naming the input in its errors", () => {
    const read = withInputs({ specs: "models/*.yaml", adapter: "LoraConfig(r=4, target_modules=['q_proj'])" });
    expect(read.training.adapter).toMatchObject({ value: { type: "LoraConfig", r: 4, name: "default" }, from: "input 'adapter'" });
    expect(() => withInputs({ specs: "models/*.yaml", adapter: "LoraConfig(r=0, target_modules=['q_proj'])" })).toThrow(
      "input 'adapter': r is 0, and LoRA's rank is at least 1 [MB361]\n  give r=8 or another positive rank",
    );
  });

  it("marks specs required because a check without it fails, while publish mode does not read it", () => {
    expect(action.inputs.specs!.required).toBe(true);
    expect(() => withInputs({})).toThrow("input 'specs' names no spec file: give one path or glob per line, e.g. models/*.yaml");
    expect(withInputs({ mode: "publish", report: "saved.json" }).specs).toEqual([]);
    const optional = Object.entries(action.inputs)
      .filter(([, input]) => input.required !== true)
      .map(([name]) => name);
    expect(optional).not.toContain("specs");
    expect(optional).toHaveLength(Object.keys(action.inputs).length - 1);
  });
});
