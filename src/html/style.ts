/** The HTML report's style sheet, inlined into the page: system fonts, nothing fetched. */
export const PAGE_STYLE = `
:root { color-scheme: light; --grown: #d7301f; --shrunk: #1a9850; --new: #f59e0b; --removed: #6b7280; --unchanged: #cbd5e1; --moved: #60a5fa; --changed: #a78bfa; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f8fafc; }
header { padding: 10px 16px 6px; background: #fff; border-bottom: 1px solid #e5e7eb; }
h1 { font-size: 17px; margin: 0 0 6px; }
#compared { margin: 0 0 6px; color: #4b5563; }
h2 { font-size: 13px; margin: 0 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #4b5563; }
#controls { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
#controls input, #controls select, #controls button { font: inherit; padding: 2px 6px; }
#crumbs { margin-top: 6px; }
#crumbs button { font: inherit; border: 0; background: none; color: #1d4ed8; cursor: pointer; padding: 0; text-decoration: underline; }
#crumbs span.sep { margin: 0 6px; color: #9ca3af; }
main { display: flex; gap: 14px; padding: 12px 16px; align-items: flex-start; }
#map-area { flex: 1 1 auto; min-width: 0; }
#notes:empty { display: none; }
#notes { background: #fef3c7; border: 1px solid #f59e0b; padding: 6px 8px; margin: 0 0 8px; white-space: pre-line; }
#map { position: relative; width: 100%; height: 620px; background: #fff; border: 1px solid #d1d5db; overflow: hidden; }
.node { position: absolute; overflow: hidden; border: 1px solid rgba(255,255,255,.9); cursor: pointer; color: #111827; }
.node.group { background: rgba(15,23,42,.05); border-color: rgba(15,23,42,.25); }
.node .label { display: block; padding: 1px 3px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 11px; pointer-events: none; }
.node.group > .label { font-weight: 600; }
.node:focus { outline: 3px solid #1d4ed8; outline-offset: -3px; z-index: 2; }
.node.shared { background-image: repeating-linear-gradient(45deg, transparent 0 6px, rgba(0,0,0,.12) 6px 8px); }
.node.match { outline: 3px solid #eab308; outline-offset: -3px; z-index: 1; }
#map.searching .node.leaf:not(.match) { opacity: .35; }
.leaf.c-grown { background-color: var(--grown); color: #fff; }
.leaf.c-shrunk { background-color: var(--shrunk); color: #fff; }
.leaf.c-new { background-color: var(--new); }
.leaf.c-unchanged { background-color: var(--unchanged); }
.leaf.c-moved { background-color: var(--moved); }
.leaf.c-changed { background-color: var(--changed); }
.group.c-grown { border-color: var(--grown); border-width: 2px; }
.group.c-shrunk { border-color: var(--shrunk); border-width: 2px; }
.group.c-new { border-color: var(--new); border-width: 2px; }
aside { flex: 0 0 340px; display: flex; flex-direction: column; gap: 12px; }
aside section { background: #fff; border: 1px solid #e5e7eb; padding: 8px 10px; }
#details dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; }
#details dt { color: #6b7280; }
#details dd { margin: 0; overflow-wrap: anywhere; }
.hint { color: #6b7280; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #f1f5f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: var(--grown); } .down { color: var(--shrunk); }
#legend, #removed, #budget { list-style: none; margin: 0; padding: 0; }
#legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #9ca3af; }
#removed li { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
#budget li { margin-bottom: 8px; }
.bar { height: 10px; background: #e5e7eb; border-radius: 3px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--shrunk); }
.bar.warn > span { background: var(--new); } .bar.fail > span { background: var(--grown); }
#table-area { max-height: 620px; overflow: auto; background: #fff; border: 1px solid #d1d5db; }
#table-area td:first-child { font-family: ui-monospace, monospace; font-size: 12px; }
footer { padding: 6px 16px 16px; color: #6b7280; }
`;
