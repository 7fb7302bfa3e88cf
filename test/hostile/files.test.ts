/**
 * Hostile files, through the bundled dist/cli.js and dist/index.js as users and the runner start
 * them: FIFOs, devices, directories, 100 MB files, paths and symbolic links that leave the
 * repository or the model's folder, and names that would drive the terminal. Each case ends within
 * seconds and a bounded heap, with the exact diagnostic, its position, and no stack trace.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TempRepository } from "../action/git-fixture.js";
import { readOutputs, runnerFiles } from "../action/run-action.js";
import { withoutExcerpts } from "../helpers/diagnostic-text.js";
import { runDist, showsStackTrace, type DistRun } from "../helpers/run-dist.js";
import { onnxModel, safetensorsHeader, tensorProto, writeParts, writeSafetensors } from "../import/files.js";

const SECRET = "root:x:0:0: not for anyone's eyes";
const GIVE = "  give the path of a regular file\n";
const tiny = "model: tiny\nlayers:\n  - fc: Linear(4, 2)\n";
const torchRepr = "Net(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)\n";

let repo: TempRepository;
/** Outside the repository: what no include, shard or external data file may reach. */
let outside: string;

function mkfifo(path: string): string {
  execFileSync("mkfifo", [path]);
  return path;
}

/** A file of `bytes` bytes that takes no disk: a hole. */
function sparseFile(path: string, bytes: number): string {
  const fd = openSync(path, "w");
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

/** Runs the CLI in the repository, and checks what every case must: in time, no stack trace, nothing secret. */
function cli(...args: string[]): DistRun {
  const run = runDist(args, { cwd: repo.dir, timeoutMs: 10_000, heapMiB: 300 });
  expect(run.signal, `${args.join(" ")} was killed: it hung or ran out of memory`).toBeNull();
  expect(run.ms).toBeLessThan(5_000);
  expect(showsStackTrace(run.stdout + run.stderr)).toBe(false);
  expect(run.stdout + run.stderr).not.toContain("not for anyone");
  return run;
}

const refused = (run: DistRun, stderr: string) =>
  expect({ status: run.status, stdout: run.stdout, stderr: withoutExcerpts(run.stderr) }).toEqual({ status: 2, stdout: "", stderr });

beforeAll(() => {
  repo = new TempRepository();
  outside = mkdtempSync(join(tmpdir(), "model-budget-outside-"));
  writeFileSync(join(outside, "secret.yaml"), `${SECRET}\n`);
  writeFileSync(join(outside, "secret.data"), `${SECRET}\n`.repeat(100));
  repo.write({ "tiny.yaml": tiny, "net.txt": torchRepr });
  mkdirSync(join(repo.dir, "folder"));
  mkfifo(join(repo.dir, "pipe"));
});
afterAll(() => {
  repo.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

describe("includes", () => {
  it("a cycle is reported at the include that closes it", () => {
    repo.write({ "cycle-a.yaml": "include: cycle-b.yaml\nlayers:\n  - fc: Linear(4, 2)\n", "cycle-b.yaml": "include: cycle-a.yaml\n" });
    refused(cli("report", "cycle-a.yaml"), "cycle-b.yaml:1:10: include cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml [MB314]\n  remove one of the includes\n");
  });

  it("one that leaves the repository by ../ is refused without reading it", () => {
    const up = `${"../".repeat(12)}${outside.slice(1)}/secret.yaml`;
    repo.write({ "up.yaml": `model: up\ninclude: ${up}\nlayers:\n  - fc: Linear(4, 2)\n` });
    refused(
      cli("report", "up.yaml"),
      `up.yaml:2:10: included file ${up} leads outside the repository [MB316]\n  keep it, and what its symbolic links point to, inside the repository\n`,
    );
    // check reads through the same edge: stop 22's reuse of unchanged specs had dropped the including spec, and with it the confinement.
    const check = cli("check", "up.yaml", "--format", "json");
    expect(check.status).toBe(2);
    expect((JSON.parse(check.stdout) as { models: { head: { diagnostics: { message: string; line: number }[] } }[] }).models[0]!.head.diagnostics[0]).toMatchObject({
      message: `included file ${up} leads outside the repository`,
      line: 2,
    });
    repo.write({ "passwd.yaml": "include: ../../../../etc/passwd\nlayers:\n  - fc: Linear(4, 2)\n" });
    refused(
      cli("report", "passwd.yaml"),
      "passwd.yaml:1:10: included file ../../../../etc/passwd leads outside the repository [MB316]\n  keep it, and what its symbolic links point to, inside the repository\n",
    );
  });

  it("an absolute path is refused as one", () => {
    repo.write({ "absolute.yaml": "layers:\n  - x: {include: /etc/passwd}\n" });
    refused(
      cli("report", "absolute.yaml"),
      "absolute.yaml:2:18: include: /etc/passwd is an absolute path [MB316]\n  write the path relative to the including spec, inside the repository\n",
    );
  });

  it("a symbolic link that leads out is refused, one that stays in is followed", () => {
    symlinkSync(join(outside, "secret.yaml"), join(repo.dir, "link-out.yaml"));
    symlinkSync("tiny.yaml", join(repo.dir, "link-in.yaml"));
    repo.write({ "links.yaml": "layers:\n  - out: {include: link-out.yaml}\n", "linked.yaml": "layers:\n  - in: {include: link-in.yaml}\n" });
    refused(
      cli("report", "links.yaml"),
      "links.yaml:2:20: included file link-out.yaml leads outside the repository [MB316]\n  keep it, and what its symbolic links point to, inside the repository\n",
    );
    const followed = cli("report", "linked.yaml", "--format", "json");
    expect(followed.status).toBe(0);
    expect(JSON.parse(followed.stdout).totals.params).toBe(10);
  });

  it("a FIFO, /dev/zero or a directory is refused before anything reads it", () => {
    symlinkSync("/dev/zero", join(repo.dir, "zero.yaml"));
    repo.write({
      "specials.yaml": "layers:\n  - a: {include: pipe}\n",
      "zero-include.yaml": "layers:\n  - a: {include: zero.yaml}\n",
      "folder-include.yaml": "include: folder\nlayers:\n  - fc: Linear(4, 2)\n",
    });
    refused(cli("report", "specials.yaml"), `specials.yaml:2:18: included file pipe is a named pipe (FIFO), not a regular file [MB316]\n${GIVE}`);
    refused(
      cli("report", "zero-include.yaml"),
      "zero-include.yaml:2:18: included file zero.yaml leads outside the repository [MB316]\n  keep it, and what its symbolic links point to, inside the repository\n",
    );
    refused(cli("report", "folder-include.yaml"), `folder-include.yaml:1:10: included file folder is a directory, not a regular file [MB316]\n${GIVE}`);
  });
});

describe("files named on the command line", () => {
  it("a FIFO, /dev/zero, a directory or an empty path as the spec", () => {
    refused(cli("report", "pipe"), `pipe:1:1: is a named pipe (FIFO), not a regular file [MB902]\n${GIVE}`);
    refused(cli("report", ""), `'':1:1: is an empty path, not a file [MB902]\n${GIVE}`);
    refused(cli("report", "/dev/zero"), `/dev/zero:1:1: is a character device, not a regular file [MB902]\n${GIVE}`);
    refused(cli("report", "folder"), `folder:1:1: is a directory, not a regular file [MB902]\n${GIVE}`);
  });

  it("a FIFO, /dev/zero or a directory as the budget: the budget is invalid, at its position", () => {
    for (const [budget, what] of [
      ["pipe", "is a named pipe (FIFO), not a regular file"],
      ["/dev/zero", "is a character device, not a regular file"],
      ["folder", "is a directory, not a regular file"],
    ] as const) {
      const run = cli("check", "tiny.yaml", "--budget", budget);
      expect(run.status).toBe(2);
      expect(run.stdout).toContain(`✗ The budget file ${budget} is invalid, so no limit was checked:\n  ${budget}:1:1: ${what} [MB902]\n    give the path of a regular file\n`);
    }
  });

  it("a FIFO or /dev/zero as print(model) text or a checkpoint", () => {
    refused(cli("import", "torch-repr", "pipe"), `pipe:1:1: is a named pipe (FIFO), not a regular file [MB902]\n${GIVE}`);
    refused(cli("import", "safetensors", "/dev/zero"), `/dev/zero:1:1: is a character device, not a regular file [MB902]\n${GIVE}`);
    refused(cli("import", "onnx", "pipe"), `pipe:1:1: is a named pipe (FIFO), not a regular file [MB902]\n${GIVE}`);
  });

  it("100 MB files are refused by their size, before reading", () => {
    sparseFile(join(repo.dir, "huge.yaml"), 100 * 1024 * 1024);
    sparseFile(join(repo.dir, "huge.txt"), 100 * 1024 * 1024);
    const spec = "huge.yaml:1:1: is 104,857,600 bytes, more than the 4,194,304 a spec or budget file may have [MB904]\n  split the spec with include:\n";
    refused(cli("report", "huge.yaml"), spec);
    const budget = cli("check", "tiny.yaml", "--budget", "huge.yaml");
    expect(budget.status).toBe(2);
    expect(budget.stdout).toContain("  huge.yaml:1:1: is 104,857,600 bytes, more than the 4,194,304 a spec or budget file may have [MB904]\n    split the spec with include:\n");
    refused(
      cli("import", "torch-repr", "huge.txt"),
      "huge.txt:1:1: is 104,857,600 bytes, more than the 8,388,608 print(model) text may have [MB904]\n  is this the output of print(model)? Print the model once, not in a loop\n",
    );
    repo.write({ "big-include.yaml": "include: huge.yaml\nlayers:\n  - fc: Linear(4, 2)\n" });
    refused(
      cli("report", "big-include.yaml"),
      "big-include.yaml:1:10: included file huge.yaml is 104,857,600 bytes, more than the 4,194,304 a spec or budget file may have [MB316]\n  split the spec with include:\n",
    );
  });
});

describe("sizes past what a spec may hold", () => {
  it("print(model) text under its limit whose modules all differ makes a spec too large: said before counting it", () => {
    const lines = Array.from({ length: 70_000 }, (_, index) => `  (layer_${index}): Linear(in_features=${(index % 97) + 1}, out_features=${(index % 89) + 1}, bias=True)`);
    writeFileSync(join(repo.dir, "distinct.txt"), `Net(\n${lines.join("\n")}\n)\n`);
    const run = cli("import", "torch-repr", "distinct.txt");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^distinct\.txt:1:1: the spec made from it would be [\d,]+ bytes, more than the 4,194,304 a spec may have \[MB105\]\n {2}its modules differ too much to fold into repeat:; write the spec by hand with blocks: and repeat:\n$/,
    );
  });

  it("check --base reads a base file only when it is a regular file no larger than a spec may be", () => {
    const base = new TempRepository();
    try {
      const include = "include: common\nlayers:\n  - fc: Linear(4, 2)\n";
      base.write({ "models/big.yaml": `${tiny}${"# padding\n".repeat(500_000)}`, "models/inc.yaml": include, "models/common/x.yaml": tiny });
      const sha = base.commit("base");
      rmSync(join(base.dir, "models/common"), { recursive: true });
      base.write({ "models/big.yaml": tiny, "models/inc.yaml": tiny });
      const run = runDist(["check", "models/big.yaml", "models/inc.yaml", "--base", "HEAD", "--format", "json"], { cwd: base.dir, timeoutMs: 10_000 });
      expect(run.status).toBe(0);
      const models = JSON.parse(run.stdout).models as { file: string; base: unknown }[];
      const bigSize = Buffer.byteLength(`${tiny}${"# padding\n".repeat(500_000)}`).toLocaleString("en-US");
      expect(models.map((model) => [model.file, model.base])).toEqual([
        [
          "models/big.yaml",
          {
            kind: "invalid",
            diagnostics: [
              {
                code: "MB904",
                name: "file-too-large",
                severity: "error",
                file: "models/big.yaml",
                line: 1,
                col: 1,
                message: `is ${bigSize} bytes at ${sha}, more than the 4,194,304 a spec or budget file may have`,
                hint: "split the spec with include:",
              },
            ],
          },
        ],
        [
          "models/inc.yaml",
          {
            kind: "invalid",
            diagnostics: [
              {
                code: "MB316",
                name: "include-unreadable",
                severity: "error",
                file: "models/inc.yaml",
                line: 1,
                col: 10,
                message: `included file models/common is a directory at ${sha}, not a regular file`,
                hint: "give the path of a regular file",
              },
            ],
          },
        ],
      ]);
    } finally {
      base.cleanup();
    }
  });

  it("check --base follows a symbolic link at the base only while it stays inside the repository", () => {
    const base = new TempRepository();
    try {
      base.write({ "models/v1.yaml": tiny });
      symlinkSync("v1.yaml", join(base.dir, "models/current.yaml"));
      symlinkSync("../../../../etc/passwd", join(base.dir, "models/out.yaml"));
      symlinkSync("loop.yaml", join(base.dir, "models/loop.yaml"));
      base.commit("base");
      for (const file of ["current", "out", "loop"]) rmSync(join(base.dir, `models/${file}.yaml`));
      base.write({ "models/current.yaml": tiny, "models/out.yaml": tiny, "models/loop.yaml": tiny });
      const run = runDist(["check", "models/current.yaml", "models/out.yaml", "models/loop.yaml", "--base", "HEAD", "--format", "json"], { cwd: base.dir, timeoutMs: 10_000 });
      expect(run.status).toBe(0);
      const models = JSON.parse(run.stdout).models as { file: string; base: { kind: string; report?: { totals: { params: number } }; diagnostics?: unknown[] } }[];
      expect(models[0]!.base.report!.totals.params).toBe(10);
      const refusal = (code: string, name: string, message: string, hint: string) => ({
        kind: "invalid",
        diagnostics: [{ code, name, severity: "error", line: 1, col: 1, message, hint }],
      });
      expect(models.slice(1).map((model) => ({ ...model.base, diagnostics: model.base.diagnostics!.map((problem) => ({ ...(problem as object), file: undefined })) }))).toEqual([
        refusal("MB903", "outside-folder", "leads outside the repository", "keep it, and what its symbolic links point to, inside the repository"),
        refusal("MB902", "not-a-regular-file", "is a loop of symbolic links", "give the path of a regular file"),
      ]);
    } finally {
      base.cleanup();
    }
  });
});

describe("output paths", () => {
  it("a directory or a FIFO as init -o or import -o is a clean error, and --force does not change that", () => {
    const folder = "model-budget: cannot write folder: it is a directory, not a regular file\n";
    refused(cli("init", "tiny.yaml", "-o", "folder"), folder);
    refused(cli("init", "tiny.yaml", "-o", "folder", "--force"), `${folder}  give the path of a file to write, in an existing or new folder\n`);
    refused(
      cli("init", "tiny.yaml", "-o", "pipe", "--force"),
      "model-budget: cannot write pipe: it is a named pipe (FIFO) or device, not a regular file\n  give the path of a file to write, in an existing or new folder\n",
    );
    refused(cli("import", "torch-repr", "net.txt", "-o", "folder"), `${folder}  give the path of a file to write, in an existing or new folder\n`);
    refused(
      cli("import", "torch-repr", "net.txt", "-o", "tiny.yaml/net.yaml"),
      "model-budget: cannot write tiny.yaml/net.yaml: it cannot be created: a part of its path is not a folder\n  give the path of a file to write, in an existing or new folder\n",
    );
  });
});

describe("init on models with nothing to round", () => {
  it("a headroom whose limits would pass 2^53 is refused, not written as a budget no check can read", () => {
    refused(cli("init", "tiny.yaml", "-o", "headroom.yml", "--headroom", "99999999999999999999%"), "model-budget: --headroom must be at most 1000%, not '99999999999999999999%'\n");
  });

  it("a frozen model gets trainable: 0, a parameter-free one params: 0, and check enforces them", () => {
    repo.write({
      "frozen.yaml": 'model: frozen\nlayers:\n  - fc: {layer: "Linear(4, 2)", frozen: true}\n',
      "empty.yaml": "model: empty\nlayers:\n  - act: ReLU()\n",
    });
    const run = cli("init", "frozen.yaml", "empty.yaml", "-o", "zero-budget.yml", "--optimizer", "AdamW");
    expect(run).toMatchObject({ status: 0, stdout: "model-budget: wrote zero-budget.yml for 2 specs\n", stderr: "" });
    expect(readFileSync(join(repo.dir, "zero-budget.yml"), "utf8").split("models:\n")[1]).toBe(
      // The frozen model's trainable count differs from its params, so it gets a limit of its own; the empty one's restates params: 0.
      '  "frozen.yaml":\n    params: 11\n    trainable: 0\n    memory: 44\n    growth: 5%\n  "empty.yaml":\n    params: 0\n    memory: 0\n    growth: 5%\n',
    );
    expect(cli("check", "frozen.yaml", "empty.yaml", "--budget", "zero-budget.yml", "--optimizer", "AdamW").status).toBe(0);
    repo.write({ "empty.yaml": "model: empty\nlayers:\n  - act: ReLU()\n  - fc: Linear(2, 2)\n" });
    const grown = cli("check", "frozen.yaml", "empty.yaml", "--budget", "zero-budget.yml", "--optimizer", "AdamW");
    expect(grown.status).toBe(3);
    expect(grown.stdout).toContain("\n✗ empty (empty.yaml)\n  ✗ params 6 over the 0 limit by 6\n");
  });
});

describe("checkpoints: shards and external data", () => {
  let folder: string;
  beforeAll(() => {
    folder = join(repo.dir, "ckpt");
    mkdirSync(folder);
  });

  const index = (name: string, shards: Record<string, string>) => {
    writeFileSync(join(folder, name), JSON.stringify({ metadata: {}, weight_map: shards }));
    return join("ckpt", name);
  };

  it("a shard that is a FIFO, /dev/zero or a link out of the model's folder is refused at the index's byte that names it", () => {
    mkfifo(join(folder, "pipe.safetensors"));
    symlinkSync("/dev/zero", join(folder, "zero.safetensors"));
    refused(
      cli("import", "safetensors", index("fifo.index.json", { w: "pipe.safetensors" })),
      `ckpt/fifo.index.json: at byte 33: the shard ckpt/pipe.safetensors is a named pipe (FIFO), not a regular file [MB810]\n${GIVE}`,
    );
    refused(
      cli("import", "safetensors", index("zero.index.json", { w: "zero.safetensors" })),
      "ckpt/zero.index.json: at byte 33: the shard ckpt/zero.safetensors leads outside the model's folder [MB810]\n  keep it, and what its symbolic links point to, inside the model's folder\n",
    );
  });

  it("a checkpoint the budget names (against:) that is a FIFO or leads out of the repository: a diagnostic, not a read", () => {
    mkfifo(join(repo.dir, "pipe.safetensors"));
    symlinkSync(join(outside, "secret.data"), join(repo.dir, "secret.safetensors"));
    for (const [against, message] of [
      ["pipe.safetensors", "is a named pipe (FIFO), not a regular file"],
      ["secret.safetensors", "leads outside the repository"],
    ]) {
      repo.write({ "against.yml": `models:\n  tiny:\n    params: 1K\n    against: ${against}\n` });
      const run = cli("check", "tiny.yaml", "--budget", "against.yml", "--format", "json");
      expect(run.status).toBe(3);
      expect(JSON.parse(run.stdout).models[0].checkpoint.diagnostics).toEqual([expect.objectContaining({ file: against, line: 1, col: 1, message })]);
    }
  });

  it("a shard linked within the real folder of a linked index is read: Hugging Face's cache", () => {
    const blobs = join(repo.dir, "hub", "blobs");
    const snapshot = join(repo.dir, "hub", "snapshots", "abc");
    mkdirSync(blobs, { recursive: true });
    mkdirSync(snapshot, { recursive: true });
    const { header, dataLength } = safetensorsHeader([{ name: "w", dtype: "F32", shape: [3, 4] }]);
    writeSafetensors(join(blobs, "shard-blob"), header, dataLength);
    writeFileSync(join(blobs, "index-blob"), JSON.stringify({ weight_map: { w: "model-1.safetensors" } }));
    symlinkSync("../../blobs/shard-blob", join(snapshot, "model-1.safetensors"));
    symlinkSync("../../blobs/index-blob", join(snapshot, "model.safetensors.index.json"));
    const run = cli("import", "safetensors", "hub/snapshots/abc/model.safetensors.index.json");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("model-budget: abc.yaml: 12 parameters\n");
  });

  it("ONNX external data that is a FIFO, or a link to a file outside the model's folder, is refused and its size never shown", () => {
    mkfifo(join(folder, "pipe.data"));
    symlinkSync(join(outside, "secret.data"), join(folder, "secret.data"));
    const model = (location: string, name: string) => {
      writeParts(join(folder, name), onnxModel([tensorProto({ name: "w", dims: [4], external: { location, offset: "0", length: "16" } })]));
      return join("ckpt", name);
    };
    const fifo = cli("import", "onnx", model("pipe.data", "fifo.onnx"));
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toMatch(
      /^ckpt\/fifo\.onnx: at byte \d+: the external data file ckpt\/pipe\.data is a named pipe \(FIFO\), not a regular file \[MB811\]\n {2}give the path of a regular file\n$/,
    );
    const link = cli("import", "onnx", model("secret.data", "link.onnx"));
    expect(link.status).toBe(2);
    expect(link.stderr).toMatch(
      /^ckpt\/link\.onnx: at byte \d+: the external data file ckpt\/secret\.data leads outside the model's folder \[MB811\]\n {2}keep it, and what its symbolic links point to, inside the model's folder\n$/,
    );
    expect(link.stderr).not.toContain(String(SECRET.length + 1));
  });
});

describe("names that would drive the terminal", () => {
  it("ESC, NUL, CR and bidi controls in a file name and a model name are printed as escapes", () => {
    const name = "evil\u001b]0;pwned\u0007\u202egnp.yaml";
    repo.write({ [name]: 'model: "red\\e[31m\\0nul\\rcr\\u202Eevil"\nlayers:\n  - fc: Linear(4)\n' });
    const bad = cli("report", name);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "evil\\u001b]0;pwned\\u0007\\u202egnp.yaml:3:9: Linear is missing its required argument 'out_features' [MB407]\n  3 |   - fc: Linear(4)\n    |         ^\n  signature: Linear(in_features, out_features, bias=True, device=None, dtype=None)\n",
    );
    repo.write({ [name]: 'model: "red\\e[31m\\0nul\\rcr\\u202Eevil"\nlayers:\n  - fc: Linear(4, 2)\n' });
    const table = cli("report", name);
    expect(table.status).toBe(0);
    expect(table.stdout.split("\n")[0]).toBe("red\\u001b[31m\\u0000nul\\u000dcr\\u202eevil (evil\\u001b]0;pwned\\u0007\\u202egnp.yaml)");
    const json = cli("report", name, "--format", "json");
    expect(JSON.parse(json.stdout).model).toBe("red\u001b[31m\u0000nul\rcr\u202eevil");
    // eslint-disable-next-line no-control-regex
    for (const run of [bad, table, json]) expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it("import keeps such a model name exact in the spec it writes, quoted", () => {
    const run = cli("import", "torch-repr", "net.txt", "--model", "a\u001b[2Jb\u202ec");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\nmodel: "a\\u001b[2Jb\\u202ec"\n');
    expect(run.stderr).toBe("model-budget: a\\u001b[2Jb\\u202ec.yaml: 10 parameters\n");
  });
});

describe("the action, run as the bundled dist/index.js", () => {
  /** Runs the action on a push with no parent commit: no base, no API calls. */
  function action(workspace: TempRepository, inputs: Record<string, string>) {
    const { env, outputFile } = runnerFiles({ workspace: workspace.dir, apiUrl: "http://127.0.0.1:9", inputs: { comment: "never", ...inputs }, event: "push", payload: {} });
    const run = runDist([], { cwd: workspace.dir, env, timeoutMs: 15_000, heapMiB: 300 }, "dist/index.js");
    expect(run.signal).toBeNull();
    expect(run.ms).toBeLessThan(8_000);
    expect(run.stdout).not.toContain("not for anyone");
    expect(showsStackTrace(run.stdout.replace(/^::debug::.*$/gm, ""))).toBe(false);
    return { ...run, outputs: readOutputs(outputFile) };
  }

  it("confines includes, specs, the budget and checkpoints to the checkout, and refuses FIFOs", () => {
    const workspace = new TempRepository();
    try {
      const up = relative(join(workspace.dir, "models"), join(outside, "secret.yaml"));
      workspace.write({ "models/up.yaml": `include: ${up}\nlayers:\n  - fc: Linear(4, 2)\n`, "models/fifo.yaml": "include: pipe.yaml\nlayers:\n  - fc: Linear(4, 2)\n" });
      workspace.commit("hostile");
      mkfifo(join(workspace.dir, "models", "pipe.yaml"));
      symlinkSync(join(outside, "secret.yaml"), join(workspace.dir, "models", "link.yaml"));
      mkdirSync(join(workspace.dir, ".github"));
      symlinkSync(join(outside, "secret.yaml"), join(workspace.dir, ".github", "model-budget.yml"));
      const run = action(workspace, { specs: "models/*.yaml" });
      expect(run.outputs.status).toBe("fail");
      const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error"));
      expect(errors).toEqual([
        "::error title=model-budget%3A invalid spec [MB316],file=models/fifo.yaml,line=1,col=10::included file models/pipe.yaml is a named pipe (FIFO), not a regular file%0Agive the path of a regular file",
        "::error title=model-budget%3A invalid spec [MB903],file=models/link.yaml,line=1,col=1::leads outside the repository%0Akeep it, and what its symbolic links point to, inside the repository",
        `::error title=model-budget%3A invalid spec [MB316],file=models/up.yaml,line=1,col=10::included file ${posix.join("models", up)} leads outside the repository%0Akeep it, and what its symbolic links point to, inside the repository`,
        "::error title=model-budget%3A invalid budget [MB903],file=.github/model-budget.yml,line=1,col=1::leads outside the repository%0Akeep it, and what its symbolic links point to, inside the repository",
        "::error::model-budget: the check failed (fail-on: exceed); see the annotations and the job summary",
      ]);
    } finally {
      workspace.cleanup();
    }
  });

  it("a checkpoint the budget names may not reach out through its shards; names in annotations cannot drive the log", () => {
    const workspace = new TempRepository();
    try {
      workspace.write({
        "models/tiny.yaml": tiny,
        ".github/model-budget.yml": "models:\n  tiny:\n    params: 1K\n    against: ckpt/model.safetensors.index.json\n",
        "ckpt/model.safetensors.index.json": JSON.stringify({ weight_map: { "fc.weight": "shard.safetensors" } }),
        "models/\u001b[8mhidden.yaml": "layers:\n  - fc: Linear(4)\n",
      });
      symlinkSync(join(outside, "secret.data"), join(workspace.dir, "ckpt", "shard.safetensors"));
      workspace.commit("hostile");
      const run = action(workspace, { specs: "models/*.yaml" });
      const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error"));
      expect(errors).toEqual([
        "::error title=model-budget%3A invalid spec [MB407],file=models/\\u001b[8mhidden.yaml,line=2,col=9::Linear is missing its required argument 'out_features'%0Asignature: Linear(in_features, out_features, bias=True, device=None, dtype=None)",
        "::error title=model-budget%3A spec and checkpoint differ [MB810],file=ckpt/model.safetensors.index.json,line=1,col=1::at byte 27: the shard ckpt/shard.safetensors leads outside the repository%0Akeep it, and what its symbolic links point to, inside the repository",
        "::error::model-budget: the check failed (fail-on: exceed); see the annotations and the job summary",
      ]);
    } finally {
      workspace.cleanup();
    }
  });

  it("publish mode refuses a FIFO, a directory or a 100 MB file as the saved report", () => {
    const workspace = new TempRepository();
    try {
      mkfifo(join(workspace.dir, "report.json"));
      mkdirSync(join(workspace.dir, "folder"));
      sparseFile(join(workspace.dir, "huge.json"), 100 * 1024 * 1024);
      const failure = (report: string) =>
        action(workspace, { mode: "publish", report })
          .stdout.split("\n")
          .filter((line) => line.startsWith("::error"));
      expect(failure("report.json")).toEqual(["::error::model-budget: report.json:1:1: is a named pipe (FIFO), not a regular file%0A  give the path of a regular file"]);
      expect(failure("folder")).toEqual(["::error::model-budget: folder:1:1: is a directory, not a regular file%0A  give the path of a regular file"]);
      expect(failure("huge.json")).toEqual([
        "::error::model-budget: huge.json:1:1: is 104,857,600 bytes, more than the 16,777,216 a saved report may have%0A  publish the report-json file a model-budget check run wrote",
      ]);
    } finally {
      workspace.cleanup();
    }
  });
});
