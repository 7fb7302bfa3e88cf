// Bundles each entry point with @vercel/ncc into one self-contained file under dist/, so
// `node dist/cli.js` and the action run without node_modules.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";
import ncc from "@vercel/ncc";
import { CLI_LAUNCHER, CLI_SHIM, scriptBundle } from "./cli-launcher.mjs";

/** [entry, output, how the output is written]: the CLI's bundle runs behind a launcher (scripts/cli-launcher.mjs). */
const ENTRIES = [
  ["src/cli/main.ts", "dist/cli-bundle.cjs", "script"],
  ["src/action/main.ts", "dist/index.js", "module"],
];

// Bundle everything before touching dist/, so a failed build leaves the last good one in place.
const files = [];
for (const [input, output, kind] of ENTRIES) {
  const { code, assets } = await ncc(new URL(`../${input}`, import.meta.url).pathname, {
    minify: false,
    sourceMap: false,
    target: "es2022",
    quiet: true,
    // Reproducible output: the dist check in CI compares a rebuild byte for byte.
    cache: false,
  });
  // ncc marks ESM output with a package.json of {"type": "module"}; ours already says so.
  const extra = Object.keys(assets).filter((name) => name !== "package.json");
  if (extra.length) throw new Error(`${input} bundles extra assets: ${extra.join(", ")}`);
  if (kind === "module") {
    files.push([output, code.startsWith("#!") ? code : `#!/usr/bin/env node\n${code}`]);
    continue;
  }
  const bundle = scriptBundle(code, input);
  // Compiled once here, so a bundle the launcher could not run fails the build, not a user's run.
  new Script(bundle, { filename: output });
  const hash = createHash("sha256").update(bundle).digest("hex").slice(0, 16);
  files.push([output, bundle], ["dist/cli.cjs", CLI_LAUNCHER(hash)], ["dist/cli.js", CLI_SHIM]);
}
rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
for (const [output, code] of files) writeFileSync(output, code, { mode: 0o755 });
