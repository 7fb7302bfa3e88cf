// The HTML report in a real browser: pages written by the bundled CLI (dist/) are opened from disk in
// headless Chromium over the DevTools protocol, clicked, hovered, searched and timed. Screenshots
// land in test-output/html/ (ignored by git; CI keeps them as artifacts where it collects that folder).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TempRepository } from "../action/git-fixture.js";
import { Browser, findChromium, type Page } from "../helpers/chromium.js";
import { repositoryRoot, runDist } from "../helpers/run-dist.js";

const OUTPUT = join(repositoryRoot, "test-output/html");
const chromium = findChromium();

// Loud, not silent: without a browser this whole file would otherwise pass by doing nothing. CI installs one (.ci/run).
if (!chromium) {
  const message =
    "test/html/browser.test.ts: no Chromium found (/usr/bin/chromium; install Debian's chromium package, or set MODEL_BUDGET_CHROMIUM): the HTML report's browser tests are SKIPPED";
  console.error(`\n${"!".repeat(message.length)}\n${message}\n${"!".repeat(message.length)}\n`);
  if (process.env.CI) throw new Error(message);
}

interface Layer {
  path: string;
  params: number;
  count: number;
}

/** What the map must draw: every layer with parameters, and every module above one (not the model itself). */
function expectedRectangles(layers: readonly Layer[], under = ""): number {
  const drawn = layers.filter((layer) => layer.params * layer.count > 0 && layer.path.startsWith(under));
  const modules = new Set<string>();
  for (const layer of drawn) {
    const segments = layer.path.split(".");
    for (let depth = 1; depth < segments.length; depth++) modules.add(segments.slice(0, depth).join("."));
  }
  const zoomed = under.replace(/\.$/, "");
  modules.delete(zoomed);
  return drawn.length + [...modules].filter((module) => module.startsWith(zoomed)).length;
}

function writePage(args: string[], file: string, cwd = repositoryRoot): string {
  const run = runDist([...args, file], { cwd, timeoutMs: 60_000, heapMiB: 1024 });
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.status === 0 || run.status === 3).toBe(true);
  return file;
}

async function load(page: Page, file: string): Promise<void> {
  await page.open(pathToFileURL(file).href);
  await page.evaluate("new Promise((resolve) => { const wait = () => (document.body.dataset.ready ? resolve(true) : setTimeout(wait, 5)); wait(); })");
}

const rectangles = (page: Page, selector = "#map .node") => page.evaluate<number>(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
const crumbs = (page: Page) => page.evaluate<string[]>("[...document.querySelectorAll('#crumbs button')].map((button) => button.textContent)");
const details = (page: Page) => page.evaluate<string>("document.getElementById('details').innerText");

describe.skipIf(!chromium)("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const repo = new TempRepository();

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await Browser.launch(chromium!);
    page = await browser.newPage(1400, 900);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    repo.cleanup();
  });

  it("draws ResNet-50 from disk: one rectangle per layer with parameters and per module, exact counts on hover, zoom on click", async () => {
    const file = writePage(["report", "examples/resnet50.yaml", "--format", "html", "-o"], join(OUTPUT, "resnet50.html"));
    const layers = (JSON.parse(runDist(["report", "examples/resnet50.yaml", "--format", "json", "--all"]).stdout) as { layers: Layer[] }).layers;
    await load(page, file);
    // 59 layer entries hold parameters (conv1, bn1, fc and 14 per stage: block 0 with its downsample,
    // then the repeated blocks drawn once as an instance group), in 16 modules: each stage, its block 0,
    // that block's downsample and its instance group.
    expect(expectedRectangles(layers)).toBe(59 + 16);
    expect(await rectangles(page)).toBe(59 + 16);
    expect(await page.evaluate("document.querySelector('#map .node[data-path=\"fc\"]').getAttribute('role')")).toBe("treeitem");
    expect(await page.evaluate("document.querySelector('#map .node[data-path=\"fc\"]').getAttribute('aria-label')")).toBe("fc, Linear: 2,049,000 parameters, 8.02%");

    await page.hover('#map .node[data-path="fc"]');
    const hovered = await details(page);
    expect(hovered).toContain("2,049,000 (8.02% of resnet50)");
    expect(hovered).toContain("weight [1000, 2048] = 2,048,000");
    expect(hovered).toContain("Linear(in_features=2048, out_features=1000, bias=True): 1000 × 2048 + 1000 = 2,049,000");
    writeFileSync(join(OUTPUT, "resnet50.png"), await page.screenshot());

    await page.click('#map .node[data-path="layer3"]');
    expect(await crumbs(page)).toEqual(["resnet50", "layer3"]);
    expect(await rectangles(page)).toBe(expectedRectangles(layers, "layer3."));
    expect(await page.evaluate("[...document.querySelectorAll('#map .node')].every((box) => box.dataset.path.startsWith('layer3.'))")).toBe(true);
    // The breadcrumb leads back.
    await page.click("#crumbs button");
    expect(await rectangles(page)).toBe(59 + 16);
    expect(page.problems).toEqual([]);
    // Opened from disk, it asks for nothing but itself.
    expect(page.requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
  });

  it("works from the keyboard, searches paths and shows the same data as a table", async () => {
    const file = join(OUTPUT, "resnet50.html");
    await load(page, file);
    await page.evaluate("document.querySelector('#map .node[data-path=\"layer2\"]').focus()");
    expect(await details(page)).toContain("1,219,584");
    await page.press("Enter");
    expect(await crumbs(page)).toEqual(["resnet50", "layer2"]);
    await page.press("Escape");
    expect(await crumbs(page)).toEqual(["resnet50"]);

    await page.evaluate("document.getElementById('search').focus()");
    await page.type("downsample");
    // Each of the four stages' first block has a downsample module with a conv and a batch norm.
    expect(await rectangles(page, "#map .node.match")).toBe(4 * 3);

    await page.click("#view");
    expect(await page.evaluate("document.getElementById('map').hidden")).toBe(true);
    // Every layer entry, those without parameters (ReLU, pooling) too.
    expect(await page.evaluate("document.querySelectorAll('#table-area tr[data-path]').length")).toBe(70);
    expect(await page.evaluate("document.querySelector('#table-area tr[data-path=\"fc\"]').innerText")).toBe("fc\tLinear\t1\t2,049,000\t8.02%");
    expect(page.problems).toEqual([]);
  });

  it("switches between the models of one report, and sizes the map by MACs or training memory", async () => {
    const file = writePage(["report", "examples/resnet18.yaml", "examples/gpt2.yaml", "--optimizer", "AdamW", "--batch", "1", "--format", "html", "-o"], join(OUTPUT, "two.html"));
    await load(page, file);
    expect(await page.evaluate("document.getElementById('model-choice').hidden")).toBe(false);
    await page.evaluate("(() => { const choice = document.getElementById('model'); choice.value = '1'; choice.dispatchEvent(new Event('change')); })()");
    expect(await crumbs(page)).toEqual(["gpt2-small"]);
    expect(await page.evaluate("[...document.getElementById('metric').options].map((option) => option.textContent)")).toEqual([
      "Parameters",
      "Weight bytes",
      "Training memory",
      "MACs",
      "Activation bytes",
    ]);
    // lm_head's weight is wte's: no area of its own by parameters, 38,597,376 MACs per token of its own by MACs.
    expect(await rectangles(page, '#map .node[data-path="lm_head"]')).toBe(0);
    await page.evaluate("(() => { const choice = document.getElementById('metric'); choice.value = '3'; choice.dispatchEvent(new Event('change')); })()");
    expect(await rectangles(page, '#map .node[data-path="lm_head"]')).toBe(1);
    await page.hover('#map .node[data-path="(outside layers)"]');
    expect(await details(page)).toContain("19,327,352,832 (13.25% of gpt2-small)");
    expect(page.problems).toEqual([]);
  });

  it("colours a GPT-2 pull request's change against its base, lists what it removed and the budget's headroom", async () => {
    const gpt2 = readFileSync(join(repositoryRoot, "examples/gpt2.yaml"), "utf8");
    repo.write({ "gpt2.yaml": gpt2, ".github/model-budget.yml": "models:\n  gpt2-small:\n    params: 140M\n    modules:\n      h.*: {params: 90M}\n" }).commit("base");
    const head = gpt2
      .replace("c_fc: Linear(d, 4 * d)", "c_fc: Linear(d, 5 * d)")
      .replace("c_proj: Linear(4 * d, d)", "c_proj: Linear(5 * d, d)")
      .replace("              - attn_dropout: Dropout(0.1)\n", "")
      .replace('forward: [wte, "add(wpe)", drop, h, ln_f, lm_head]', 'forward: [wte, "add(wpe)", drop, h, ln_f, ln_extra, lm_head]')
      .replace("  - lm_head:", "  - ln_extra: LayerNorm(d)\n  - lm_head:");
    repo.write({ "gpt2.yaml": head });
    const file = writePage(["check", "gpt2.yaml", "--base", "HEAD", "--html"], join(OUTPUT, "gpt2-diff.html"), repo.dir);
    await load(page, file);
    expect(await page.evaluate("document.querySelector('#map .node[data-path=\"h.[0-11].mlp.c_fc\"]').className")).toBe("node leaf c-grown");
    expect(await page.evaluate("document.querySelector('#map .node[data-path=\"ln_extra\"]').className")).toBe("node leaf c-new");
    expect(await page.evaluate("document.querySelector('#map .node[data-path=\"ln_f\"]').className")).toBe("node leaf c-unchanged");
    // The head's weight is wte's, counted there and marked as shared.
    expect(await page.evaluate("document.querySelector('#map .node[data-path=\"wte\"]').className")).toBe("node leaf c-unchanged shared");
    await page.hover('#map .node[data-path="h.[0-11].mlp.c_fc"]');
    const hovered = await details(page);
    // 12 × (768 × 3840 + 3840) after, 12 × (768 × 3072 + 3072) before.
    expect(hovered).toContain("28,348,416 → 35,435,520 (+7,087,104)");
    // Tall enough for the budget's bars below the legend and the removed layers.
    await page.resize(1400, 1080);
    writeFileSync(join(OUTPUT, "gpt2-diff.png"), await page.screenshot());
    await page.resize(1400, 900);
    await page.hover('#map .node[data-path="wte"]');
    expect(await details(page)).toContain("shared with lm_head.weight (counted here once)");
    expect(await page.evaluate("document.getElementById('removed').innerText")).toBe("h.[0-11].attn.attn_dropout (Dropout): no parameters");
    expect(await page.evaluate("document.getElementById('compared').textContent")).toMatch(/^Compared with base [0-9a-f]{12}\.$/);
    expect(await page.evaluate("document.getElementById('legend-area').hidden")).toBe(false);
    expect(await page.evaluate("document.querySelectorAll('#budget .bar').length")).toBe(2);
    const budget = await page.evaluate<string>("document.getElementById('budget').innerText");
    // 140M − 138,606,336 left for the model; the blocks hold 99,219,456 against 90M.
    expect(budget).toContain("138,606,336 of 140M: 1,393,664 left");
    expect(budget).toContain("99,219,456 of 90M: over by 9,219,456");
    expect(await page.evaluate("document.getElementById('totals').innerText")).toContain("+14,166,528");
    expect(page.problems).toEqual([]);
  });

  it("draws a 10,000-layer model and is interactive in under a second", async () => {
    const blocks = Array.from(
      { length: 100 },
      (_, block) => `  - b${block}:\n      layers:\n${Array.from({ length: 100 }, (_, layer) => `        - l${layer}: Linear(${8 + (layer % 7)}, 8)\n`).join("")}`,
    );
    repo.write({ "wide.yaml": `model: wide\nlayers:\n${blocks.join("")}` });
    const file = writePage(["report", "wide.yaml", "--format", "html", "-o"], join(OUTPUT, "wide.html"), repo.dir);
    // The best of three loads: the machine's other work (CI runs tests in parallel) only ever adds time.
    const timings: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await load(page, file);
      timings.push(await page.evaluate<number>("performance.getEntriesByName('model-budget-ready')[0].startTime"));
    }
    const ready = Math.min(...timings);
    console.log(`10,000-layer page: drawn and interactive ${timings.map((ms) => ms.toFixed(0)).join(", ")} ms after navigation`);
    expect(ready).toBeLessThan(1000);
    expect(await rectangles(page)).toBe(10_000 + 100);
    await page.hover('#map .node[data-path="b0.l6"]');
    expect(await details(page)).toContain("Linear(14, 8): 8 × 14 + 8 = 120");
    expect(page.problems).toEqual([]);
  });

  it("shows hostile names as text: a model named like markup runs no script", async () => {
    repo.write({ "hostile.yaml": 'model: "</script><img src=x onerror=window.pwned=1><!-- \\u2028"\nlayers:\n  - fc: Linear(4, 2)\n' });
    const file = writePage(["report", "hostile.yaml", "--format", "html", "-o"], join(OUTPUT, "hostile.html"), repo.dir);
    await load(page, file);
    expect(await page.evaluate("window.pwned === undefined && document.querySelectorAll('img').length === 0")).toBe(true);
    const name = "</script><img src=x onerror=window.pwned=1><!-- \u2028";
    expect(await page.evaluate("document.querySelector('#crumbs button').textContent")).toBe(name);
    expect(await page.evaluate("document.getElementById('title').textContent")).toBe(`model-budget: ${name}`);
    expect(await rectangles(page)).toBe(1);
    expect(page.problems).toEqual([]);
  });
});
