#!/usr/bin/env node
import { writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isAnalysisWorker, serveAnalyses } from "../workers/index.js";
import { nodeEnvironment } from "./environment.js";
import { runCli } from "./run.js";

/**
 * All of `text` to a descriptor with fs.writeSync: the CLI writes its output once, at the end, and
 * process.stdout on a pipe would load Node's stream and socket modules for it (about 2 ms of CPU,
 * docs/speed.md). A descriptor that would block hands the rest to the stream; a reader that went
 * away (`| head`) ends the output, as it does for any command-line tool.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EAGAIN") {
      const stream = fd === 1 ? process.stdout : process.stderr;
      stream.on("error", (failure: NodeJS.ErrnoException) => {
        if (failure.code !== "EPIPE") throw failure;
      });
      stream.write(bytes.subarray(written));
    } else if (code !== "EPIPE") throw error;
  }
}

if (isAnalysisWorker()) serveAnalyses();
else {
  // A check's worker threads start from the launcher beside this bundle, with its code cache (scripts/cli-launcher.mjs);
  // a replace, since ncc would take `new URL("cli.cjs", import.meta.url)` for an asset to bundle.
  const launcher = fileURLToPath(import.meta.url).replace(/[^/\\]+$/, "cli.cjs");
  const result = runCli(process.argv.slice(2), nodeEnvironment(process.cwd(), launcher));
  if (result.stdout) writeAll(1, result.stdout);
  if (result.stderr) writeAll(2, result.stderr);
  process.exitCode = result.exitCode;
}
