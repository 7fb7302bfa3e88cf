// A small Chrome DevTools Protocol client over Chromium's --remote-debugging-pipe (JSON messages
// ended by a NUL byte on file descriptors 3 and 4): enough to load a page, evaluate in it, move and
// click the mouse, press keys and take screenshots, with no package and no browser download. It
// drives Debian's `chromium` (.ci/run installs it), or the binary named by MODEL_BUDGET_CHROMIUM.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The browser to drive, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const named = process.env.MODEL_BUDGET_CHROMIUM;
  if (named) return named;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** What the page wrote to its console as an error, and what it threw. */
export interface PageProblem {
  kind: "console" | "exception" | "log";
  text: string;
}

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  private readonly listeners: ((message: Message) => void)[] = [];
  private buffer = "";

  private constructor(
    private readonly process: ChildProcess,
    private readonly profile: string,
  ) {
    const output = process.stdio[4] as Readable;
    output.setEncoding("utf8");
    output.on("data", (chunk: string) => this.receive(chunk));
    // A browser that dies (missing libraries, no display) fails every pending call with what it said.
    // (Writing to it then fails too: that error is the pending call's, not an uncaught one.)
    (process.stdio[3] as Writable).on("error", () => undefined);
    let said = "";
    (process.stderr as Readable).on("data", (chunk: Buffer) => (said = (said + chunk.toString()).slice(-4000)));
    process.once("exit", (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`Chromium exited (${code}): ${said}`));
      this.pending.clear();
    });
  }

  static async launch(binary: string): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), "model-budget-chromium-"));
    const args = [
      "--headless=new",
      "--remote-debugging-pipe",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-gpu",
      "--disable-extensions",
      "--hide-scrollbars",
      `--user-data-dir=${profile}`,
    ];
    // Chromium's sandbox needs user namespaces, which containers and CI runners often lack; the pages
    // loaded are our own test files.
    args.push("--no-sandbox");
    const child = spawn(binary, [...args, "about:blank"], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
    const browser = new Browser(child, profile);
    await browser.send("Target.getTargets");
    return browser;
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf("\0")) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result ?? {});
      } else for (const listener of this.listeners) listener(message);
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const input = this.process.stdio[3] as Writable;
    input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(listener: (message: Message) => void): void {
    this.listeners.push(listener);
  }

  async newPage(width: number, height: number): Promise<Page> {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    const page = new Page(this, sessionId as string);
    await page.start(width, height);
    return page;
  }

  async close(): Promise<void> {
    await this.send("Browser.close").catch(() => undefined);
    await new Promise((resolve) => (this.process.exitCode === null ? this.process.once("exit", resolve) : resolve(undefined)));
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  /** Console errors, uncaught exceptions and error log entries (a blocked request, a CSP violation). */
  readonly problems: PageProblem[] = [];
  /** Every URL the page requested. */
  readonly requests: string[] = [];
  private loaded: (() => void) | undefined;

  constructor(
    private readonly browser: Browser,
    private readonly sessionId: string,
  ) {
    browser.on((message) => {
      if (message.sessionId !== sessionId) return;
      const params = message.params ?? {};
      if (message.method === "Page.loadEventFired") this.loaded?.();
      if (message.method === "Network.requestWillBeSent") this.requests.push(String((params.request as { url: string }).url));
      if (message.method === "Runtime.exceptionThrown") this.problems.push({ kind: "exception", text: JSON.stringify(params.exceptionDetails) });
      if (message.method === "Runtime.consoleAPICalled" && (params.type === "error" || params.type === "assert" || params.type === "warning")) {
        this.problems.push({ kind: "console", text: JSON.stringify(params.args) });
      }
      const entry = params.entry as { level?: string; text?: string } | undefined;
      if (message.method === "Log.entryAdded" && (entry?.level === "error" || entry?.level === "warning")) this.problems.push({ kind: "log", text: String(entry.text) });
    });
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  async start(width: number, height: number): Promise<void> {
    for (const domain of ["Page", "Runtime", "Log", "Network"]) await this.send(`${domain}.enable`);
    await this.resize(width, height);
  }

  async resize(width: number, height: number): Promise<void> {
    await this.send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false });
  }

  /** Loads a URL and waits for its load event. */
  async open(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) => (this.loaded = resolve));
    await this.send("Page.navigate", { url });
    await loaded;
  }

  /** The value of a JavaScript expression in the page (awaited when it is a promise). */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  }

  /** The centre of the first element matching a selector, in page pixels. */
  async centreOf(selector: string): Promise<{ x: number; y: number }> {
    return this.evaluate(
      `(() => { const box = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: box.x + box.width / 2, y: box.y + box.height / 2 }; })()`,
    );
  }

  async hover(selector: string): Promise<void> {
    const { x, y } = await this.centreOf(selector);
    await this.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
  }

  async click(selector: string): Promise<void> {
    const { x, y } = await this.centreOf(selector);
    await this.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    await this.send("Input.dispatchMouseEvent", { type: "mousePressed", x, y, button: "left", clickCount: 1 });
    await this.send("Input.dispatchMouseEvent", { type: "mouseReleased", x, y, button: "left", clickCount: 1 });
  }

  async press(key: string): Promise<void> {
    const code = key.length === 1 ? `Key${key.toUpperCase()}` : key;
    const keyCode = ({ Enter: 13, Escape: 27 } as Record<string, number>)[key];
    for (const type of ["keyDown", "keyUp"]) await this.send("Input.dispatchKeyEvent", { type, key, code, ...(keyCode ? { windowsVirtualKeyCode: keyCode } : {}) });
  }

  async type(text: string): Promise<void> {
    await this.send("Input.insertText", { text });
  }

  /** A PNG of the viewport. */
  async screenshot(): Promise<Buffer> {
    const { data } = await this.send("Page.captureScreenshot", { format: "png" });
    return Buffer.from(data as string, "base64");
  }
}
