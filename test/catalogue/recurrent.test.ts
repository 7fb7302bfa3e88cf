import { describe, expect, it } from "vitest";
import { describeText, errorOf } from "../helpers/layer.js";

// Expected names, shapes and totals were read from PyTorch 1.13's named_parameters().
const tensors = (text: string) => describeText(text).parameters.map(({ name, shape }) => [name, shape]);
const total = (text: string) => describeText(text).parameters.reduce((sum, { shape }) => sum + shape.reduce((a, b) => a * b, 1), 0);

describe("LSTM", () => {
  it("gives every layer and direction its projection, fed by the projected state", () => {
    const text = "LSTM(10, 20, num_layers=3, bidirectional=True, proj_size=5)";
    expect(tensors(text)).toEqual([
      ["weight_ih_l0", [80, 10]],
      ["weight_hh_l0", [80, 5]],
      ["bias_ih_l0", [80]],
      ["bias_hh_l0", [80]],
      ["weight_hr_l0", [5, 20]],
      ["weight_ih_l0_reverse", [80, 10]],
      ["weight_hh_l0_reverse", [80, 5]],
      ["bias_ih_l0_reverse", [80]],
      ["bias_hh_l0_reverse", [80]],
      ["weight_hr_l0_reverse", [5, 20]],
      ["weight_ih_l1", [80, 10]],
      ["weight_hh_l1", [80, 5]],
      ["bias_ih_l1", [80]],
      ["bias_hh_l1", [80]],
      ["weight_hr_l1", [5, 20]],
      ["weight_ih_l1_reverse", [80, 10]],
      ["weight_hh_l1_reverse", [80, 5]],
      ["bias_ih_l1_reverse", [80]],
      ["bias_hh_l1_reverse", [80]],
      ["weight_hr_l1_reverse", [5, 20]],
      ["weight_ih_l2", [80, 10]],
      ["weight_hh_l2", [80, 5]],
      ["bias_ih_l2", [80]],
      ["bias_hh_l2", [80]],
      ["weight_hr_l2", [5, 20]],
      ["weight_ih_l2_reverse", [80, 10]],
      ["weight_hh_l2_reverse", [80, 5]],
      ["bias_ih_l2_reverse", [80]],
      ["bias_hh_l2_reverse", [80]],
      ["weight_hr_l2_reverse", [5, 20]],
    ]);
    expect(total(text)).toBe(8760);
  });

  it("binds positional arguments in PyTorch's order, proj_size last", () => {
    const text = "LSTM(12, 20, 2, False, True, 0.5, True, 5)";
    expect(tensors(text)).toEqual([
      ["weight_ih_l0", [80, 12]],
      ["weight_hh_l0", [80, 5]],
      ["weight_hr_l0", [5, 20]],
      ["weight_ih_l0_reverse", [80, 12]],
      ["weight_hh_l0_reverse", [80, 5]],
      ["weight_hr_l0_reverse", [5, 20]],
      ["weight_ih_l1", [80, 10]],
      ["weight_hh_l1", [80, 5]],
      ["weight_hr_l1", [5, 20]],
      ["weight_ih_l1_reverse", [80, 10]],
      ["weight_hh_l1_reverse", [80, 5]],
      ["weight_hr_l1_reverse", [5, 20]],
    ]);
    expect(total(text)).toBe(5520);
  });
});

describe("GRU and RNN", () => {
  it("drops both biases of a bidirectional GRU with bias=False", () => {
    const text = "GRU(8, 16, bias=False, bidirectional=True)";
    expect(tensors(text)).toEqual([
      ["weight_ih_l0", [48, 8]],
      ["weight_hh_l0", [48, 16]],
      ["weight_ih_l0_reverse", [48, 8]],
      ["weight_hh_l0_reverse", [48, 16]],
    ]);
    expect(total(text)).toBe(2304);
  });

  it("takes RNN's nonlinearity fourth, as documented, so bias=False is the fifth argument", () => {
    const text = "RNN(4, 6, 2, 'relu', False)";
    expect(tensors(text)).toEqual([
      ["weight_ih_l0", [6, 4]],
      ["weight_hh_l0", [6, 6]],
      ["weight_ih_l1", [6, 6]],
      ["weight_hh_l1", [6, 6]],
    ]);
    expect(total(text)).toBe(132);
  });
});

describe("cells", () => {
  it("RNNCell with relu has one gate", () => {
    expect(tensors("RNNCell(3, 5, nonlinearity='relu')")).toEqual([
      ["weight_ih", [5, 3]],
      ["weight_hh", [5, 5]],
      ["bias_ih", [5]],
      ["bias_hh", [5]],
    ]);
    expect(total("RNNCell(3, 5, nonlinearity='relu')")).toBe(50);
  });

  it("LSTMCell without bias has four gates", () => {
    expect(tensors("LSTMCell(3, 5, bias=False)")).toEqual([
      ["weight_ih", [20, 3]],
      ["weight_hh", [20, 5]],
    ]);
    expect(total("LSTMCell(3, 5, bias=False)")).toBe(160);
  });

  it("GRUCell has three gates", () => {
    expect(tensors("GRUCell(7, 2)")).toEqual([
      ["weight_ih", [6, 7]],
      ["weight_hh", [6, 2]],
      ["bias_ih", [6]],
      ["bias_hh", [6]],
    ]);
    expect(total("GRUCell(7, 2)")).toBe(66);
  });
});

describe("constraints", () => {
  it("proj_size must be smaller than hidden_size", () => {
    expect(errorOf("LSTM(10, 20, proj_size=20)")).toBe(
      "<call>:1:14: LSTM needs 'proj_size' smaller than 'hidden_size', got proj_size=20 with hidden_size=20\n  proj_size is the size of the projected hidden state; 0 means no projection",
    );
  });

  it("proj_size must not be negative", () => {
    expect(errorOf("LSTM(10, 20, proj_size=-1)")).toBe("<call>:1:14: LSTM needs a non-negative 'proj_size', got -1\n  0 means no projection");
  });

  it("proj_size belongs to LSTM only", () => {
    expect(errorOf("GRU(10, 20, proj_size=5)")).toBe(
      "<call>:1:13: GRU has no argument 'proj_size'\n  its arguments are: input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype",
    );
  });

  it("num_layers must be at least 1", () => {
    expect(errorOf("LSTM(10, 20, num_layers=0)")).toBe(
      "<call>:1:14: LSTM needs a positive 'num_layers', got 0\n  write 1 or more; when an expression gives it, check the vars it uses",
    );
  });

  it("hidden_size must be positive", () => {
    expect(errorOf("GRU(10, 0)")).toBe("<call>:1:9: GRU needs a positive 'hidden_size', got 0\n  write 1 or more; when an expression gives it, check the vars it uses");
    expect(errorOf("LSTMCell(4, -2)")).toBe("<call>:1:13: LSTMCell needs a positive 'hidden_size', got -2\n  write 1 or more; when an expression gives it, check the vars it uses");
  });

  it("dropout must be a probability", () => {
    expect(errorOf("RNN(10, 20, dropout=1.5)")).toBe("<call>:1:13: RNN needs 'dropout' between 0 and 1, got 1.5\n  it is the probability of zeroing an element");
  });

  it("nonlinearity must be tanh or relu", () => {
    expect(errorOf("RNN(10, 20, nonlinearity='sigmoid')")).toBe("<call>:1:13: RNN nonlinearity must be 'tanh' or 'relu', got 'sigmoid'");
    expect(errorOf("RNNCell(10, 20, nonlinearity=rel)")).toBe("<call>:1:17: RNNCell nonlinearity must be 'tanh' or 'relu', got 'rel'\n  did you mean 'relu'?");
  });
});
