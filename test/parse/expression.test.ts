import { describe, expect, it } from "vitest";
import { ExpressionError, parseCall, parseExpression } from "../../src/parse/expression.js";
import type { Value } from "../../src/parse/values.js";
import { evaluate } from "../../src/resolve/evaluate.js";

const at = (offset: number) => ({ file: "<expr>", line: 1, col: offset + 1 });

function value(text: string, vars: Record<string, number> = {}): Value {
  const scope = new Map<string, Value>(Object.entries(vars).map(([name, v]) => [name, { kind: "int", value: v }]));
  return evaluate(parseExpression(text), scope, at, text);
}

function syntaxError(parse: () => unknown): { offset: number; message: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof ExpressionError) return { offset: error.offset, message: error.message };
    throw error;
  }
  throw new Error("parsed");
}

describe("call strings as print(model) writes them", () => {
  it("reads positional and keyword arguments with their offsets", () => {
    const call = parseCall("Conv2d(3, 64, kernel_size=(7, 7), bias=False)");
    expect(call.callee).toBe("Conv2d");
    expect(call.args.map((arg) => [arg.name, arg.offset, arg.value.kind])).toEqual([
      [undefined, 7, "number"],
      [undefined, 10, "number"],
      ["kernel_size", 14, "tuple"],
      ["bias", 34, "bool"],
    ]);
    expect(call.end).toBe(45);
  });

  it("reads one-item tuples, bare words, floats in exponent form, quoted strings and None", () => {
    const call = parseCall("LayerNorm((768,), eps=1e-05, mode=sum, act='gelu', size=None)");
    expect(call.args.map((arg) => arg.value)).toEqual([
      { kind: "tuple", items: [{ kind: "number", value: 768, isFloat: false, offset: 11 }], offset: 10 },
      { kind: "number", value: 1e-5, isFloat: true, offset: 22 },
      { kind: "name", name: "sum", offset: 34 },
      { kind: "string", value: "gelu", offset: 43 },
      { kind: "none", offset: 56 },
    ]);
  });

  it("reads nested calls as values", () => {
    const call = parseCall("TransformerEncoder(TransformerEncoderLayer(512, 8), num_layers=6)");
    expect(call.args[0]!.value).toMatchObject({ kind: "call", callee: "TransformerEncoderLayer", end: 50 });
  });

  it("accepts nn. prefixes and a trailing comma", () => {
    expect(parseCall("nn.Linear(1, 2,)").args).toHaveLength(2);
  });

  it("refuses what Python refuses, at the offending character", () => {
    expect(syntaxError(() => parseCall("Linear(4, 4"))).toEqual({ offset: 11, message: "expected ')' to close the call to Linear, found the end of the text" });
    expect(syntaxError(() => parseCall("Linear(bias=False, 4)"))).toEqual({ offset: 19, message: "positional argument follows keyword argument" });
    expect(syntaxError(() => parseCall("Linear(4, 4) extra"))).toEqual({ offset: 13, message: "unexpected 'extra' after the end of the expression" });
    expect(syntaxError(() => parseCall("Linear"))).toEqual({ offset: 6, message: "expected '(' after 'Linear'" });
    expect(syntaxError(() => parseCall("4 * d"))).toEqual({ offset: 0, message: "expected a layer type such as Linear(...), found '4'" });
    expect(syntaxError(() => parseCall("Linear(4, $)"))).toEqual({ offset: 10, message: "unexpected character '$'" });
    expect(syntaxError(() => parseCall("Linear('abc)"))).toEqual({ offset: 7, message: "unterminated string starting here" });
  });

  it("refuses absurd nesting and length instead of recursing without bound", () => {
    expect(syntaxError(() => parseExpression("(".repeat(100) + "1" + ")".repeat(100))).message).toBe("expression nested more than 64 levels deep");
    expect(syntaxError(() => parseExpression("-".repeat(100) + "1")).message).toBe("expression nested more than 64 levels deep");
    expect(syntaxError(() => parseExpression("1+".repeat(6000) + "1")).message).toBe("expression is 12001 characters long, more than the 10000 allowed");
  });
});

describe("arithmetic over vars", () => {
  it("follows Python's precedence and floor division", () => {
    expect(value("4 * d + 2", { d: 768 })).toEqual({ kind: "int", value: 3074 });
    expect(value("(d + 2) * 4 // 3", { d: 7 })).toEqual({ kind: "int", value: 12 });
    expect(value("-7 // 2")).toEqual({ kind: "int", value: -4 });
    expect(value("-7 % 3")).toEqual({ kind: "int", value: 2 });
    expect(value("d / 2", { d: 3 })).toEqual({ kind: "float", value: 1.5, fromDivision: true });
    expect(value("2 ** 3".replace("**", "*"))).toEqual({ kind: "int", value: 6 });
  });

  it("evaluates conditions", () => {
    expect(value("stride != 1 or inplanes != planes * 4", { stride: 1, inplanes: 256, planes: 64 })).toEqual({ kind: "bool", value: false });
    expect(value("not stride == 2 and d >= 3", { stride: 1, d: 3 })).toEqual({ kind: "bool", value: true });
  });

  it("keeps integers exact or refuses them", () => {
    expect(value("2 * 4503599627370495")).toEqual({ kind: "int", value: 9007199254740990 });
    expect(() => value("2 * 4503599627370496")).toThrow("<expr>:1:3: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly");
    expect(() => value("d // 0", { d: 1 })).toThrow("<expr>:1:3: division by zero");
    expect(() => value("2 * dd")).toThrow("<expr>:1:5: undefined variable 'dd'");
  });
});
