/**
 * The HTML report's script: reads the page's embedded data and draws the chosen model as a zoomable
 * treemap, with details on hover and focus, breadcrumbs, search, a table view and the check's panels.
 * Compiled with d3-hierarchy into one inline script by scripts/compile-page.mjs.
 */
import type { PageData, PageModel, PageNode } from "../page-types.js";
import { showDetails, detailRows } from "./details.js";
import { byId, element, fill } from "./dom.js";
import { drawMap, type Drawn } from "./draw.js";
import { displayName, figuresOf, indexTree, type Figures } from "./model.js";
import { showBudget, showLegend, showRemoved, showTable, showTotals } from "./panels.js";

const data = JSON.parse(byId("model-budget-data").textContent ?? "{}") as PageData;
const checked = data.mode === "check";

const state = {
  model: data.models[0]!,
  metric: 0,
  zoom: undefined as PageNode | undefined,
  figures: new Map<PageNode, Figures>(),
  tree: indexTree({ name: "", path: "" }),
  drawn: [] as Drawn[],
  table: false,
};

const map = byId("map");

function drawnAt(target: EventTarget | null): Drawn | undefined {
  const box = target instanceof HTMLElement ? target.closest<HTMLElement>(".node") : null;
  return box ? state.drawn[Number(box.dataset.index)] : undefined;
}

function crumbs(): void {
  const trail: PageNode[] = [];
  for (let node = state.zoom; node; node = state.tree.parents.get(node)) trail.unshift(node);
  const parts: Node[] = [];
  trail.forEach((node, index) => {
    if (index > 0) parts.push(element("span", "›", "sep"));
    const button = element("button", index === 0 ? state.model.name : displayName(node));
    button.type = "button";
    button.addEventListener("click", () => zoomTo(node));
    if (index === trail.length - 1) button.setAttribute("aria-current", "location");
    parts.push(button);
  });
  fill(byId("crumbs"), ...parts);
}

function render(): void {
  const root = state.model.root;
  const metric = state.model.metrics[state.metric];
  if (!root || !state.zoom || !metric) {
    map.replaceChildren();
    return;
  }
  crumbs();
  if (state.table) showTable(state.zoom, state.figures, metric, checked);
  else state.drawn = drawMap(map, state.zoom, state.figures, metric);
  applySearch();
}

/** Zooms to a module; from the keyboard, focus moves onto the first rectangle of the new view. */
function zoomTo(node: PageNode, keyboard = false): void {
  state.zoom = node;
  render();
  if (keyboard) map.querySelector<HTMLElement>(".node")?.focus();
}

function chooseMetric(index: number): void {
  state.metric = index;
  if (state.model.root) state.figures = figuresOf(state.model.root, index, checked);
  render();
}

function chooseModel(model: PageModel): void {
  state.model = model;
  state.tree = indexTree(model.root ?? { name: "", path: "" });
  state.zoom = model.root;
  fill(byId("notes"), ...model.notes.map((note) => document.createTextNode(`${note}\n`)));
  const metricChoice = byId<HTMLSelectElement>("metric");
  fill(metricChoice, ...model.metrics.map((metric, index) => Object.assign(element("option", metric.title), { value: String(index) })));
  showTotals(model, checked);
  showLegend(checked);
  showRemoved(model);
  showBudget(model);
  chooseMetric(0);
}

function applySearch(): void {
  const query = byId<HTMLInputElement>("search").value.trim().toLowerCase();
  map.classList.toggle("searching", query !== "");
  for (const box of map.querySelectorAll<HTMLElement>(".node")) box.classList.toggle("match", query !== "" && (box.dataset.path ?? "").toLowerCase().includes(query));
}

function details(target: EventTarget | null): void {
  const found = drawnAt(target);
  const metric = state.model.metrics[state.metric];
  if (!found || !metric) return;
  showDetails(byId("details"), detailRows(state.model, found.node, metric, state.figures.get(found.node)!, found.isModule));
}

/**
 * A click zooms one level in: into the module of the current view that holds what was clicked (so a
 * click anywhere inside `layer3` opens `layer3`). Enter on a focused module opens that module itself.
 */
function zoomInto(target: EventTarget | null, keyboard = false): void {
  const found = drawnAt(target);
  if (!found) return;
  let node = found.node;
  if (!keyboard) {
    for (let parent = state.tree.parents.get(node); parent && parent !== state.zoom; parent = state.tree.parents.get(parent)) node = parent;
  }
  const module = node.children ? node : state.tree.parents.get(node);
  if (module && module !== state.zoom) zoomTo(module, keyboard);
}

function zoomOut(): void {
  const parent = state.zoom ? state.tree.parents.get(state.zoom) : undefined;
  if (parent) zoomTo(parent, true);
}

function wire(): void {
  map.addEventListener("mouseover", (event) => details(event.target));
  map.addEventListener("focusin", (event) => details(event.target));
  map.addEventListener("click", (event) => zoomInto(event.target));
  map.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      zoomInto(event.target, true);
    } else if (event.key === "Escape" || event.key === "Backspace") zoomOut();
  });
  byId("metric").addEventListener("change", (event) => chooseMetric(Number((event.target as HTMLSelectElement).value)));
  byId("search").addEventListener("input", applySearch);
  byId("view").addEventListener("click", () => {
    state.table = !state.table;
    byId("view").setAttribute("aria-pressed", String(state.table));
    byId("view").textContent = state.table ? "Map view" : "Table view";
    map.hidden = state.table;
    byId("table-area").hidden = !state.table;
    render();
  });
  const modelChoice = byId<HTMLSelectElement>("model");
  fill(modelChoice, ...data.models.map((model, index) => Object.assign(element("option", `${model.name} (${model.file})`), { value: String(index) })));
  byId("model-choice").hidden = data.models.length < 2;
  modelChoice.addEventListener("change", () => chooseModel(data.models[Number(modelChoice.value)]!));
  window.addEventListener("resize", render);
}

wire();
chooseModel(state.model);
// When the first map is drawn and every handler is in place: the browser test reads it (under 1 s for 10,000 layers).
performance.mark("model-budget-ready");
document.body.dataset.ready = "true";
