#!/usr/bin/env node
import { writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isAnalysisWorker, serveAnalyses } from "../workers/index.js";
import { nodeEnvironment } from "./environment.js";
import { runCli } from "./run.js";

/** The most output encoded at once: longer output goes through one buffer of this size, a piece at a time. */
const PIECE = 1 << 16;

/**
 * All of `text` to a descriptor with fs.writeSync: the CLI writes its output once, at the end, and
 * process.stdout on a pipe would load Node's stream and socket modules for it (about 2 ms of CPU,
 * docs/speed.md). The text is encoded into one reused buffer, not a buffer of all of it (6 MB for a
 * 10,000-layer JSON report), fresh memory the kernel would map page by page. A descriptor that would
 * block hands the rest to the stream; a reader that went away (`| head`) ends the output, as it does
 * for any command-line tool. Whether all of it was written (or refused) here, with nothing left queued.
 */
function writeAll(fd: 1 | 2, text: string): boolean {
  // Three UTF-8 bytes at most per UTF-16 unit.
  const piece = Buffer.allocUnsafeSlow(Math.min(PIECE, 3 * text.length));
  const encoder = new TextEncoder();
  let rest = text;
  while (rest.length > 0) {
    // Whole characters only: `read` counts the UTF-16 units encoded, and a surrogate pair is never split.
    const { read, written } = encoder.encodeInto(rest, piece);
    rest = rest.slice(read);
    let sent = 0;
    try {
      while (sent < written) sent += writeSync(fd, piece, sent, written - sent);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        toStream(fd, Buffer.from(piece.subarray(sent, written)), rest);
        return false;
      }
      if (code === "EPIPE") return true;
      throw error;
    }
  }
  return true;
}

/** The rest of the output through process.stdout or stderr, which queue what a non-blocking descriptor cannot take yet. */
function toStream(fd: 1 | 2, bytes: Buffer, rest: string): void {
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on("error", (failure: NodeJS.ErrnoException) => {
    if (failure.code !== "EPIPE") throw failure;
  });
  stream.write(bytes);
  if (rest) stream.write(rest);
}

if (isAnalysisWorker()) serveAnalyses();
else {
  // A check's worker threads start from the launcher beside this bundle, with its code cache (scripts/cli-launcher.mjs);
  // a replace, since ncc would take `new URL("cli.cjs", import.meta.url)` for an asset to bundle.
  const launcher = fileURLToPath(import.meta.url).replace(/[^/\\]+$/, "cli.cjs");
  const result = runCli(process.argv.slice(2), nodeEnvironment(process.cwd(), launcher));
  // Both written, whatever became of the first.
  const outWritten = !result.stdout || writeAll(1, result.stdout);
  const errWritten = !result.stderr || writeAll(2, result.stderr);
  process.exitCode = result.exitCode;
  // Done: ending here skips what V8 left for the event loop, such as a scavenge it put off to an idle
  // moment (3-6 ms of a short run, docs/speed.md). Not while a stream still queues output, nor on
  // Windows, where a terminal's writes (the progress line's last) are asynchronous.
  if (outWritten && errWritten && process.platform !== "win32") process.exit();
}
