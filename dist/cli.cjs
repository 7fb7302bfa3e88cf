#!/usr/bin/env node
// Written by scripts/build.mjs (see scripts/cli-launcher.mjs): runs dist/cli-bundle.cjs with V8's code cache.
"use strict";
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { Script } = require("node:vm");

// A run lasts milliseconds to seconds, too short for TurboFan's background compiles to pay back (docs/speed.md:
// over a third of a 500-layer report's CPU time). V8 12 to 14 (Node 22-26) run best without TurboFan, Maglev
// compiling what is hot; V8 11 (Node 20-21) has no Maglev and does best with TurboFan 16 times later. A later
// V8 keeps its defaults until measured: it prints a flag it does not know as an error. Set before the bundle
// compiles, so the code cache is made and read under the same flags.
const v8Major = Number(process.versions.v8.split(".")[0]);
const tiering = v8Major === 11 ? "--interrupt-budget=1100000" : v8Major >= 12 && v8Major <= 14 ? "--no-turbofan" : undefined;
if (tiering) setV8Flags(tiering);
const bundle = join(__dirname, "cli-bundle.cjs");
const BUNDLE_HASH = "0a54ff58a2e1df94";
const cacheDir = cacheFolder();
const command = /^[a-z]{1,16}$/.test(process.argv[2] ?? "") ? process.argv[2] : "other";
// A cache holds what its first run compiled: a JSON report's would leave a table report compiling its renderer each time.
const format = formatFlag(process.argv.slice(3));
// V8 rejects a cache made under other flags (--max-old-space-size in NODE_OPTIONS, say): each set of Node options keeps its own.
const options = optionsKey();
const cacheFile = cacheDir && join(cacheDir, `${BUNDLE_HASH}-${process.version}-${process.arch}${options}-${command}${format ? "-" + format : ""}.v8`);
const cachedData = cacheFile ? readCache(cacheFile) : undefined;
// The bundle is ASCII, written as a function expression (scriptBundle): read as is, compiled as is.
const source = readFileSync(bundle, "latin1");
const script = new Script(source, { filename: bundle, cachedData });
// Written by a run that did its command's whole work: a cache holds only what its run compiled, and every later run
// compiles the rest again (a report that stopped at a missing file, or printed its help, would leave it half empty).
if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once("exit", (code) => wholeRun(code) && writeCache(script, cacheFile));
script.runInThisContext()(exports, require, module, bundle, __dirname);

/**
 * V8's flags through Node's internal binding where it still has one (Node 20 and 22): node:v8 loads
 * Node's streams for its heap snapshots, which on Node 20 cost a short report more than the flags
 * save (docs/speed.md). The binding is deprecated (DEP0111) and its warning is silenced for this one
 * call; where it is gone (Node 24) or differs, node:v8 sets them.
 */
function setV8Flags(flags) {
  const quiet = process.noDeprecation;
  try {
    process.noDeprecation = true;
    const binding = typeof process.binding === "function" ? process.binding("v8") : undefined;
    if (typeof binding?.setFlagsFromString === "function") return binding.setFlagsFromString(flags);
  } catch {
    // No binding by that name: Node's public module below.
  } finally {
    process.noDeprecation = quiet;
  }
  require("node:v8").setFlagsFromString(flags);
}

/** Exit status 0, or 3 (a budget check failed, after the whole analysis), and no --help (src/cli/command.ts, EXIT). */
function wholeRun(code) {
  return (code === 0 || code === 3) && !process.argv.slice(3).some((arg) => arg === "--help" || arg === "-h");
}

/** "" under Node's default options, else "-" and a hash of them (FNV-1a: node:crypto would cost its load). */
function optionsKey() {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").trim();
  if (!given) return "";
  let hash = 0x811c9dc5;
  for (let i = 0; i < given.length; i++) hash = Math.imul(hash ^ given.charCodeAt(i), 0x01000193);
  return "-" + (hash >>> 0).toString(16).padStart(8, "0");
}

/** The --format value (json, markdown, ...), undefined for the command's default or anything odd. */
function formatFlag(args) {
  const at = args.findIndex((arg) => arg === "--format" || arg.startsWith("--format="));
  const value = at < 0 ? undefined : args[at].startsWith("--format=") ? args[at].slice(9) : args[at + 1];
  return /^[a-z]{1,16}$/.test(value ?? "") ? value : undefined;
}

function cacheFolder() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === "1") return undefined;
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  return process.env.NODE_COMPILE_CACHE || join(tmpdir(), `model-budget-compile-cache${uid === undefined ? "" : `-${uid}`}`);
}

/** Whether a folder may hold code this user runs: theirs and writable by no one else (POSIX; elsewhere the temp folder is the user's). */
function trusted(dir) {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (!stats || !stats.isDirectory()) return false;
  return typeof process.getuid !== "function" || (stats.uid === process.getuid() && (stats.mode & 0o022) === 0);
}

function readCache(file) {
  try {
    return trusted(cacheDir) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed into place, so runs in parallel never read half a file; other builds' caches a day old go. */
function writeCache(compiled, file) {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    if (!trusted(cacheDir)) return;
    // Other builds' caches a day old go; newer ones may be another checkout's, in use. So do half-written files
    // a day old, left by a run that ended while writing (a worker thread, when its check's process exits).
    const stale = Date.now() - 86_400_000;
    for (const name of readdirSync(cacheDir)) {
      const other = join(cacheDir, name);
      const old = (name.endsWith(".v8") && !name.startsWith(BUNDLE_HASH)) || name.endsWith(".tmp");
      if (old && statSync(other).mtimeMs < stale) rmSync(other, { force: true });
    }
    // The check's worker threads share the process id, and may write the same command's cache at once.
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
    writeFileSync(temporary, compiled.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing else.
  }
}
