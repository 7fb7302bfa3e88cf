/**
 * The HTML report: one self-contained page (its script, style and data inline, nothing fetched) that
 * draws each model as a zoomable treemap. The browser script is compiled with d3-hierarchy at build
 * time into generated/page-script.js (scripts/compile-page.mjs), so the CLI needs no package at run time.
 */
import type { JsonReport } from "../analysis/index.js";
import type { CheckResult } from "../orchestrator/index.js";
import { PAGE_SCRIPT } from "./generated/page-script.js";
import { checkPageData, reportPageData } from "./page-data.js";
import type { PageData } from "./page-types.js";
import { PAGE_STYLE } from "./style.js";

export type { PageData } from "./page-types.js";
export { checkPageData, reportPageData } from "./page-data.js";

/**
 * JSON that cannot end the script element it sits in nor open a comment there: `<` (so no
 * `</script>` or `<!--`), `>` and `&` are written as \u escapes, as are U+2028 and U+2029, which
 * older JavaScript parsers take for line ends. JSON.parse reads them back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text for an HTML text node or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The page's fixed frame; the script fills it from the data, writing names only with textContent. */
export function renderPage(data: PageData): string {
  const title = `model-budget: ${data.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1 id="title">${escapeHtml(title)}</h1>
${data.baseRef === undefined ? "" : `  <p id="compared">Compared with base <code>${escapeHtml(data.baseRef.slice(0, 12))}</code>.</p>\n`}  <div id="controls">
    <label id="model-choice">Model <select id="model"></select></label>
    <label>Size by <select id="metric"></select></label>
    <label>Search <input id="search" type="search" placeholder="path, e.g. attn" autocomplete="off"></label>
    <button id="view" type="button" aria-pressed="false">Table view</button>
  </div>
  <nav id="crumbs" aria-label="Zoom path"></nav>
</header>
<main>
  <section id="map-area" aria-label="Treemap">
    <p id="notes"></p>
    <div id="map" role="tree" aria-label="Modules sized by the chosen metric"></div>
    <div id="table-area" hidden></div>
  </section>
  <aside>
    <section id="details" aria-live="polite"><h2>Details</h2><p class="hint">Hover or focus a rectangle; click or press Enter to zoom in.</p></section>
    <section id="totals-area"><h2>Totals</h2><table id="totals"></table></section>
    <section id="legend-area" hidden><h2>Change against the base</h2><ul id="legend"></ul></section>
    <section id="removed-area" hidden><h2>Removed modules</h2><ul id="removed"></ul></section>
    <section id="budget-area" hidden><h2>Budget headroom</h2><ul id="budget"></ul></section>
  </aside>
</main>
<footer>Written by model-budget. Everything on this page is in this file: it works offline.</footer>
<script type="application/json" id="model-budget-data">${scriptSafeJson(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** `report --format html`: the models of one report run. */
export function renderHtmlReport(reports: readonly JsonReport[]): string {
  return renderPage(reportPageData(reports));
}

/** `check --html` and the action: head against base, coloured by the change, with the budget's headroom. */
export function renderHtmlCheck(result: CheckResult): string {
  return renderPage(checkPageData(result));
}
