// Bundles each entry point with @vercel/ncc into one self-contained file under dist/, so
// `node dist/cli.js` and the action run without node_modules.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import ncc from "@vercel/ncc";

const ENTRIES = [
  ["src/cli/main.ts", "dist/cli.js"],
  ["src/action/main.ts", "dist/index.js"],
];

// Bundle everything before touching dist/, so a failed build leaves the last good one in place.
const bundles = [];
for (const [input, output] of ENTRIES) {
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
  bundles.push([output, code.startsWith("#!") ? code : `#!/usr/bin/env node\n${code}`]);
}
rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
for (const [output, code] of bundles) writeFileSync(output, code, { mode: 0o755 });
