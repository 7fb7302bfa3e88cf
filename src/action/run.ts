import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import * as core from "@actions/core";
import { context } from "@actions/github";
import { changeDelta } from "../diff/index.js";
import { formatInteger } from "../count/index.js";
import { forTerminal } from "../diagnostics/terminal.js";
import { METRICS, quantitiesOf } from "../metrics/index.js";
import {
  runCheck,
  unmatchedWarning,
  type CheckRequest,
  type ChangedLines,
  type CheckResult,
  type BaseSide,
  type CheckSide,
  type Diagnostic,
  type ModelResult,
} from "../orchestrator/index.js";
import { commentMarker, renderPullRequestComment } from "../orchestrator/pull-request.js";
import { renderHtmlCheck } from "../html/page.js";
import { upsertComment, type CommentOutcome } from "./comment.js";
import { expandSpecs } from "../files/glob.js";
import { readTextFile, TEXT_KINDS, type OpenOptions } from "../files/index.js";
import { githubClient } from "./octokit.js";
import { GitRepository } from "../git/repository.js";
import { readCheckpoint } from "../import/index.js";
import { readInputs, type ActionInputs } from "./inputs.js";
import { SAVED_REPORT_FORMAT, type SavedReport } from "./saved-report.js";
import { analyzeInWorkers, THREADS_VARIABLE } from "../workers/index.js";
import { parseSavedReport } from "./saved-report-schema.js";

/** GitHub keeps job summaries under 1 MiB, counted in bytes. */
const SUMMARY_LIMIT = 1024 * 1024;

interface BaseCommit {
  sha: string;
  why: string;
}

function baseCommit(git: GitRepository): BaseCommit | undefined {
  const payload = context.payload;
  if (payload.pull_request) return { sha: (payload.pull_request.base as { sha: string }).sha, why: "pull request base" };
  if (context.eventName === "push") {
    const before = payload.before as string | undefined;
    if (before && !/^0+$/.test(before)) return { sha: before, why: "previous commit of the push" };
    const parent = git.parentOf("HEAD");
    return parent ? { sha: parent, why: "parent commit" } : undefined;
  }
  return undefined;
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  const repository = process.env.GITHUB_REPOSITORY;
  return serverUrl && runId && repository ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined;
}

function compute(inputs: ActionInputs, workspace: string, workerEntry: URL | undefined): { result: CheckResult; changed?: ChangedLines } {
  const git = new GitRepository(workspace);
  // Every file the check opens, and every symbolic link on its way, stays inside the checkout: a pull
  // request must not make the action read the runner's files.
  const inRepository: OpenOptions = { base: workspace, within: [{ roots: [workspace], name: "the repository" }] };
  const head: CheckSide = { specs: expandSpecs(inputs.specs, git.workingFiles()), read: (file) => readTextFile(file, TEXT_KINDS.yaml, inRepository) };
  const commit = baseCommit(git);
  let base: BaseSide | undefined;
  if (commit) {
    try {
      git.ensureCommit(commit.sha);
      base = { ref: commit.sha, specs: expandSpecs(inputs.specs, git.filesAt(commit.sha)), read: git.readerAt(commit.sha), unchanged: git.unchangedSince(commit.sha) };
    } catch (error) {
      core.warning(`model-budget could not read the ${commit.why} ${commit.sha}, so it reports without a diff: ${(error as Error).message}`);
    }
  }
  const changed = base ? changedLines(git, base.ref) : undefined;
  if (head.specs.length === 0 && (base?.specs.length ?? 0) === 0) {
    throw new Error(`no spec file matches ${inputs.specs.map((spec) => `'${spec}'`).join(", ")}`);
  }
  const request: CheckRequest = {
    head,
    ...(base ? { base } : {}),
    ...(changed ? { changedLines: changed } : {}),
    budgetFile: inputs.budget,
    budgetFrom: inputs.budgetFrom,
    failOn: inputs.failOn,
    overrides: inputs.training,
    readCheckpoint: (file) => readCheckpoint(file, inRepository).tensors,
  };
  const result = runCheck(request, workerEntry && analyzeInWorkers(request, workerEntry, process.env[THREADS_VARIABLE]));
  return { result, ...(changed ? { changed } : {}) };
}

/** The lines this change edited, for annotations; undefined (every line counts) when git cannot say. */
function changedLines(git: GitRepository, base: string): ChangedLines | undefined {
  try {
    return git.changedLines(base);
  } catch (error) {
    core.warning(`model-budget could not read the changed lines (${(error as Error).message}), so its annotations may sit on lines the change did not touch`);
    return undefined;
  }
}

/** Whether this change is worth a comment under the `changed` policy: any spec or budget moved, or something is wrong. */
function hasNews(result: CheckResult): boolean {
  return (
    result.status !== "pass" ||
    result.budget.changes.length > 0 ||
    result.models.some((model) => (model.diff?.changes.length ?? 0) > 0 || (model.base !== undefined && model.base.kind !== model.head.kind))
  );
}

/**
 * Annotations carry names from the pull request; the log viewer obeys ANSI escapes and shows bidi
 * overrides, so their control characters are shown as `\uXXXX` instead.
 */
function inert(properties: core.AnnotationProperties): core.AnnotationProperties {
  return { ...properties, ...(properties.file === undefined ? {} : { file: forTerminal(properties.file) }) };
}
const annotateError = (message: string, properties: core.AnnotationProperties) => core.error(forTerminal(message), inert(properties));
const annotateWarning = (message: string, properties: core.AnnotationProperties) => core.warning(forTerminal(message), inert(properties));

/** How many places a model's grown layers are annotated at, the largest growth first. */
const GROWN_ANNOTATIONS = 3;

/**
 * Annotations, where a reviewer looks: GitHub shows them beside the diff only on lines the pull request
 * changed. Diagnostics (an invalid spec or budget, a checkpoint that differs, a budget entry matching no
 * spec: each with its MB code) are annotated wherever they are, since that line is the one to fix; findings
 * (a limit or allowance exceeded, a layer grown) only on a changed line, at most once per model and limit;
 * the headline and the job summary report them all. Without the changed lines (no base commit) every line counts as changed.
 */
function annotate(result: CheckResult, changed: ChangedLines | undefined): void {
  const onChangedLine = (file: string, line: number) => changed === undefined || (changed.get(posix.normalize(file))?.has(line) ?? false);
  for (const model of result.models) {
    if (model.head.kind === "invalid") annotateDiagnostics(model.head.diagnostics, "model-budget: invalid spec");
    annotateDiagnostics(model.checkpoint?.diagnostics ?? [], "model-budget: spec and checkpoint differ");
    annotateBudgetRows(model, result.budget.file, onChangedLine);
    annotateGrownLayers(model, changed);
  }
  annotateDiagnostics(result.budget.diagnostics, "model-budget: invalid budget");
  for (const entry of result.budget.unmatched) {
    const warning = unmatchedWarning(result.budget.file, entry);
    annotateWarning(`${warning.message}\n${warning.hint}`, {
      title: `model-budget: budget entry matches no spec [${warning.code}]`,
      file: warning.file,
      startLine: warning.line,
      startColumn: warning.col,
    });
  }
}

function annotateDiagnostics(diagnostics: readonly Diagnostic[], title: string): void {
  for (const problem of diagnostics) {
    annotateError(`${problem.message}${problem.hint ? `\n${problem.hint}` : ""}`, {
      title: `${title} [${problem.code}]`,
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.col,
    });
  }
}

/** A limit or growth allowance exceeded, at its line in the budget file when the change edited that line; once per model and limit. */
function annotateBudgetRows(model: ModelResult, budgetFile: string, onChangedLine: (file: string, line: number) => boolean): void {
  const annotated = new Set<string>();
  /** Whether to annotate the limit `key` at `line`: a changed line, and not annotated yet. */
  const once = (key: string, line: number) => {
    if (!onChangedLine(budgetFile, line) || annotated.has(key)) return false;
    annotated.add(key);
    return true;
  };
  for (const row of model.budget?.limits ?? []) {
    if (row.status === "pass" || !once(`limit ${row.label}`, row.limit.position.line)) continue;
    const message =
      row.actual === undefined ? `${row.label}: not computed for this spec` : `${row.label} ${formatInteger(row.actual)} exceeds the budget of ${row.limit.text} in ${model.file}`;
    (row.status === "fail" ? annotateError : annotateWarning)(message, {
      title: "model-budget: over budget",
      file: budgetFile,
      startLine: row.limit.position.line,
      startColumn: row.limit.position.col,
    });
  }
  for (const row of model.budget?.growth ?? []) {
    if (row.status === "pass" || !once(`growth ${row.metric}`, row.allowance.position.line)) continue;
    (row.status === "fail" ? annotateError : annotateWarning)(
      `${row.metric} grew by ${formatInteger(row.head - row.base)}, more than the allowed ${row.allowance.text} (${formatInteger(row.allowed)})`,
      {
        title: "model-budget: growth over allowance",
        file: budgetFile,
        startLine: row.allowance.position.line,
        startColumn: row.allowance.position.col,
      },
    );
  }
}

/**
 * Grown layers at the changed line that made them grow (the layer's call, a with: argument, a repeat:,
 * a variable), one annotation per line for all the layers it grew; never at a shared block's unchanged lines.
 */
function annotateGrownLayers(model: ModelResult, changed: ChangedLines | undefined): void {
  const causes = new Map((model.causes ?? []).map((cause) => [cause.path, cause]));
  const places = new Map<string, { file: string; line: number; paths: string[]; growth: number; formula: string }>();
  for (const change of model.diff?.changes ?? []) {
    const growth = changeDelta(change);
    if (change.kind === "removed" || growth <= 0) continue;
    // Without the changed lines (they could not be read), the layer's own line.
    const at = changed === undefined ? { file: model.file, line: change.after.line } : causes.get(change.after.path);
    if (!at) continue;
    const key = `${at.file}:${at.line}`;
    const place = places.get(key) ?? { file: at.file, line: at.line, paths: [], growth: 0, formula: change.after.formula };
    place.paths.push(change.after.path);
    place.growth += growth;
    places.set(key, place);
  }
  const largest = [...places.values()].sort((a, b) => b.growth - a.growth).slice(0, GROWN_ANNOTATIONS);
  for (const place of largest) {
    const [first] = place.paths;
    const message =
      place.paths.length === 1
        ? `${first} grew by ${formatInteger(place.growth)} parameters: ${place.formula}`
        : `${place.paths.length} layer entries grew by ${formatInteger(place.growth)} parameters in all: ${listed(place.paths)}`;
    annotateWarning(message, { title: `model-budget: layer${place.paths.length === 1 ? "" : "s"} grew`, file: place.file, startLine: place.line });
  }
}

/** `a, b, c and 4 more`. */
function listed(paths: readonly string[], shown = 3): string {
  const named = paths.slice(0, shown).join(", ");
  return paths.length > shown ? `${named} and ${paths.length - shown} more` : named;
}

/** The status, and each metric the registry gives an output, summed over the models that have a report. */
function setTotals(result: CheckResult): void {
  const reports = result.models.flatMap((model) => (model.head.kind === "report" ? [quantitiesOf(model.head.report)] : []));
  core.setOutput("status", result.status);
  for (const metric of METRICS) {
    if (metric.output) core.setOutput(metric.output.name, String(reports.reduce((total, quantities) => total + (quantities[metric.name] ?? 0), 0)));
  }
}

/** Where to comment and what to link, from this run's own context: never taken from a saved report. */
interface Destination {
  owner: string;
  repo: string;
  pullRequest?: number;
  runUrl?: string;
  /** This run wrote the HTML treemap (html-report), which the comment then points to. */
  htmlReport?: boolean;
}

/**
 * In a workflow_run job the saved report names its PR, but a fork's workflow wrote that file.
 * Comment only if that PR's head is the commit the triggering run checked.
 */
async function verifiedDestination(saved: SavedReport, inputs: ActionInputs): Promise<Destination> {
  const { owner, repo } = context.repo;
  const run = context.payload.workflow_run as { head_sha?: string; html_url?: string } | undefined;
  const destination: Destination = { owner, repo, ...(run?.html_url ? { runUrl: run.html_url } : {}) };
  if (saved.pullRequest === undefined || !run?.head_sha || !inputs.token) return destination;
  const pull = await githubClient(inputs.token).rest.pulls.get({ owner, repo, pull_number: saved.pullRequest });
  if (pull.data.head.sha !== run.head_sha) {
    core.warning(
      `model-budget: the saved report names PR #${saved.pullRequest}, whose head ${pull.data.head.sha} is not the commit ${run.head_sha} of the run that saved it; not commenting.`,
    );
    return destination;
  }
  return { ...destination, pullRequest: saved.pullRequest };
}

async function publish(result: CheckResult, inputs: ActionInputs, destination: Destination): Promise<void> {
  const link = destination.runUrl ? { runUrl: destination.runUrl, htmlReport: destination.htmlReport === true } : {};
  const body = renderPullRequestComment(result, {
    key: inputs.commentKey,
    ...link,
    chart: inputs.chart === "true",
    fullReportHint: "The job summary of the workflow run has all of it.",
  });
  core.setOutput("comment-body", body);
  await core.summary
    .addRaw(renderPullRequestComment(result, { key: inputs.commentKey, ...link, fullReportHint: "", limit: SUMMARY_LIMIT, measure: "bytes", changesShown: Infinity }))
    .write();
  if (inputs.comment === "never" || destination.pullRequest === undefined) return;
  if (!inputs.token) {
    core.warning("model-budget has no github-token, so it cannot comment; the report is in the job summary.");
    return;
  }
  const worthIt = inputs.comment === "always" || (inputs.comment === "changed" && hasNews(result)) || (inputs.comment === "failure" && result.status !== "pass");
  const target = { owner: destination.owner, repo: destination.repo, issueNumber: destination.pullRequest };
  logComment(await upsertComment(githubClient(inputs.token), target, commentMarker(inputs.commentKey), body, !worthIt));
}

function logComment(outcome: CommentOutcome): void {
  switch (outcome.kind) {
    case "created":
    case "updated":
    case "unchanged":
      core.setOutput("comment-id", String(outcome.id));
      core.info(`model-budget: PR comment ${outcome.id} ${outcome.kind}${outcome.replaced ? " (our earlier comment was hidden, so it is replaced rather than edited)" : ""}`);
      return;
    case "skipped":
      core.info(`model-budget: no PR comment (${outcome.reason})`);
      return;
    case "forbidden":
      core.warning(
        `model-budget cannot comment on this pull request (HTTP ${outcome.status}: ${outcome.message}). ` +
          "Fork PRs and Dependabot get a read-only token: the report is in the job summary and the outputs. " +
          "To comment anyway, use the two-workflow recipe in the README (mode: publish from a workflow_run job).",
      );
      return;
    case "rate-limited":
      core.warning(
        `model-budget did not comment: GitHub's rate limit still refused it after retries (HTTP ${outcome.status}: ${outcome.message}). The report is in the job summary and the outputs; re-run the job later.`,
      );
      return;
    case "unavailable":
      core.warning(`model-budget did not comment: GitHub failed (HTTP ${outcome.status}: ${outcome.message}). The report is in the job summary and the outputs.`);
      return;
    case "unreadable":
      core.warning(`model-budget did not comment: ${outcome.message}. The report is in the job summary and the outputs.`);
  }
}

/**
 * The action: check (compute, comment, summarise, annotate, output) or publish a saved report. A check's
 * specs are analysed by worker threads started from `workerEntry` (the bundle itself) when given.
 */
export async function runAction(workerEntry?: URL): Promise<void> {
  try {
    const inputs = readInputs();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    let result: CheckResult;
    let destination: Destination;
    if (inputs.mode === "publish") {
      if (!inputs.report) throw new Error("mode: publish needs the input 'report': the path of a report saved by a check run");
      // The workflow names the report, so it may lie outside the checkout (in runner.temp); a fork wrote its content.
      const saved = parseSavedReport(readTextFile(inputs.report, TEXT_KINDS.savedReport, { base: workspace }), inputs.report);
      result = saved.result;
      // The check run that saved it also wrote the treemap page, among that run's artifacts when its workflow uploads it.
      destination = { ...(await verifiedDestination(saved, inputs)), htmlReport: true };
    } else {
      const computed = compute(inputs, workspace, workerEntry);
      result = computed.result;
      const pullRequest = context.payload.pull_request?.number;
      const url = runUrl();
      destination = { ...context.repo, ...(pullRequest === undefined ? {} : { pullRequest }), ...(url ? { runUrl: url } : {}) };
      const saved: SavedReport = {
        format: SAVED_REPORT_FORMAT,
        ...(pullRequest === undefined ? {} : { pullRequest }),
        result,
      };
      const path = join(process.env.RUNNER_TEMP ?? tmpdir(), `model-budget-report-${inputs.commentKey}.json`);
      writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`);
      core.setOutput("report-json", path);
      // The treemap page beside it, for the workflow to upload as an artifact: docs/html-report.md.
      const html = path.replace(/\.json$/, ".html");
      writeFileSync(html, renderHtmlCheck(result));
      core.setOutput("html-report", html);
      destination.htmlReport = true;
      annotate(result, computed.changed);
    }
    setTotals(result);
    await publish(result, inputs, destination);
    if (result.status === "fail") core.setFailed(`model-budget: the check failed (fail-on: ${result.failOn}); see the annotations and the job summary`);
  } catch (error) {
    core.setFailed(forTerminal(`model-budget: ${(error as Error).message}`));
  }
}
