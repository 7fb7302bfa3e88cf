// Bundles each entry point with @vercel/ncc into one self-contained file under dist/, so
// `node dist/cli.js` and the action run without node_modules.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import ncc from "@vercel/ncc";

// The CLI's bundle sits behind a small launcher (dist/cli.js, the package's bin) that turns on
// Node's on-disk compile cache before the bundle is compiled: a repeated run then skips compiling
// it (Node >= 22.8 has module.enableCompileCache; older Node runs the bundle as before). The action
// gets no launcher: every job runs on a fresh machine, where the cache would only be written.
const ENTRIES = [
  ["src/cli/main.ts", "dist/cli-bundle.js", "dist/cli.js"],
  ["src/action/main.ts", "dist/index.js"],
];

const launcher = (bundle) => `#!/usr/bin/env node
// Written by scripts/build.mjs: turns on Node's compile cache (where the runtime has it) before
// compiling the CLI's bundle, so that later runs load it faster. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";

module.enableCompileCache?.();
await import("./${bundle}");
`;

// Bundle everything before touching dist/, so a failed build leaves the last good one in place.
const files = [];
for (const [input, output, launcherFile] of ENTRIES) {
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
  files.push([output, code.startsWith("#!") ? code : `#!/usr/bin/env node\n${code}`]);
  if (launcherFile) files.push([launcherFile, launcher(output.slice("dist/".length))]);
}
rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
for (const [output, code] of files) writeFileSync(output, code, { mode: 0o755 });
