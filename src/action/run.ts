import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { context } from "@actions/github";
import { changeDelta } from "../diff/index.js";
import { formatInteger } from "../count/index.js";
import { forTerminal } from "../diagnostics/terminal.js";
import { METRICS, quantitiesOf } from "../metrics/index.js";
import { runCheck, unmatchedWarning, type CheckResult, type CheckSide, type Diagnostic } from "../orchestrator/index.js";
import { commentMarker, renderPullRequestComment } from "../orchestrator/pull-request.js";
import { upsertComment, type CommentOutcome } from "./comment.js";
import { expandSpecs } from "../files/glob.js";
import { readTextFile, TEXT_KINDS, type OpenOptions } from "../files/index.js";
import { githubClient } from "./octokit.js";
import { GitRepository } from "../git/repository.js";
import { readCheckpoint } from "../import/index.js";
import { configEdits } from "../hf-config/index.js";
import { readInputs, type ActionInputs } from "./inputs.js";
import { SAVED_REPORT_FORMAT, type SavedReport } from "./saved-report.js";
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

/**
 * Each edited key of a changed config.json, annotated at its line with what the model's parameters
 * did: the layer annotations sit at the keys each layer was made from, which need not be the edited one.
 */
function annotateConfigEdits(result: CheckResult, head: CheckSide, base: CheckSide | undefined): void {
  if (!base) return;
  for (const model of result.models) {
    if (!model.file.endsWith(".json") || model.head.kind !== "report" || model.base?.kind !== "report") continue;
    const delta = model.head.report.totals.params - model.base.report.totals.params;
    if (delta === 0) continue;
    for (const edit of configEdits(model.file, base.read(model.file), head.read(model.file))) {
      const change = edit.before === undefined ? `added as ${edit.after}` : edit.after === undefined ? `removed (was ${edit.before})` : `${edit.before} → ${edit.after}`;
      annotateWarning(`${edit.key}: ${change}; with the change's other edits, parameters ${delta > 0 ? "+" : "−"}${formatInteger(Math.abs(delta))}`, {
        title: "model-budget: config edited",
        file: model.file,
        startLine: edit.position.line,
        startColumn: edit.position.col,
      });
    }
  }
}

function compute(inputs: ActionInputs, workspace: string): { result: CheckResult; head: CheckSide; base?: CheckSide } {
  const git = new GitRepository(workspace);
  // Every file the check opens, and every symbolic link on its way, stays inside the checkout: a pull
  // request must not make the action read the runner's files.
  const inRepository: OpenOptions = { base: workspace, within: [{ roots: [workspace], name: "the repository" }] };
  const head: CheckSide = { specs: expandSpecs(inputs.specs, git.workingFiles()), read: (file) => readTextFile(file, TEXT_KINDS.yaml, inRepository) };
  const commit = baseCommit(git);
  let base: (CheckSide & { ref: string }) | undefined;
  if (commit) {
    try {
      git.ensureCommit(commit.sha);
      base = { ref: commit.sha, specs: expandSpecs(inputs.specs, git.filesAt(commit.sha)), read: git.readerAt(commit.sha) };
    } catch (error) {
      core.warning(`model-budget could not read the ${commit.why} ${commit.sha}, so it reports without a diff: ${(error as Error).message}`);
    }
  }
  if (head.specs.length === 0 && (base?.specs.length ?? 0) === 0) {
    throw new Error(`no spec file matches ${inputs.specs.map((spec) => `'${spec}'`).join(", ")}`);
  }
  const result = runCheck({
    head,
    ...(base ? { base } : {}),
    budgetFile: inputs.budget,
    budgetFrom: inputs.budgetFrom,
    failOn: inputs.failOn,
    overrides: inputs.training,
    readCheckpoint: (file) => readCheckpoint(file, inRepository).tensors,
  });
  return { result, head, ...(base ? { base } : {}) };
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

function annotate(result: CheckResult): void {
  const annotateAll = (diagnostics: readonly Diagnostic[], title: string) => {
    for (const problem of diagnostics) {
      annotateError(`${problem.message}${problem.hint ? `\n${problem.hint}` : ""}`, {
        title: `${title} [${problem.code}]`,
        file: problem.file,
        startLine: problem.line,
        startColumn: problem.col,
      });
    }
  };
  for (const model of result.models) {
    if (model.head.kind === "invalid") annotateAll(model.head.diagnostics, "model-budget: invalid spec");
    annotateAll(model.checkpoint?.diagnostics ?? [], "model-budget: spec and checkpoint differ");
    for (const row of model.budget?.limits ?? []) {
      if (row.status === "pass") continue;
      const message =
        row.actual === undefined
          ? `${row.label}: not computed for this spec`
          : `${row.label} ${formatInteger(row.actual)} exceeds the budget of ${row.limit.text} in ${model.file}`;
      (row.status === "fail" ? annotateError : annotateWarning)(message, {
        title: "model-budget: over budget",
        file: result.budget.file,
        startLine: row.limit.position.line,
        startColumn: row.limit.position.col,
      });
    }
    for (const row of model.budget?.growth ?? []) {
      if (row.status === "pass") continue;
      (row.status === "fail" ? annotateError : annotateWarning)(
        `${row.metric} grew by ${formatInteger(row.head - row.base)}, more than the allowed ${row.allowance.text} (${formatInteger(row.allowed)})`,
        {
          title: "model-budget: growth over allowance",
          file: result.budget.file,
          startLine: row.allowance.position.line,
          startColumn: row.allowance.position.col,
        },
      );
    }
    const grown = (model.diff?.changes ?? []).filter((change) => changeDelta(change) > 0).sort((a, b) => changeDelta(b) - changeDelta(a));
    for (const change of grown.slice(0, 3)) {
      if (change.kind === "removed") continue;
      annotateWarning(`${change.after.path} grew by ${formatInteger(changeDelta(change))} parameters: ${change.after.formula}`, {
        title: "model-budget: layer grew",
        file: model.file,
        startLine: change.after.line,
      });
    }
  }
  annotateAll(result.budget.diagnostics, "model-budget: invalid budget");
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
  const link = destination.runUrl ? { runUrl: destination.runUrl } : {};
  const body = renderPullRequestComment(result, { key: inputs.commentKey, ...link, fullReportHint: "The job summary of the workflow run has all of it." });
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

/** The action: check (compute, comment, summarise, annotate, output) or publish a saved report. */
export async function runAction(): Promise<void> {
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
      destination = await verifiedDestination(saved, inputs);
    } else {
      const computed = compute(inputs, workspace);
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
      annotate(result);
      annotateConfigEdits(result, computed.head, computed.base);
    }
    setTotals(result);
    await publish(result, inputs, destination);
    if (result.status === "fail") core.setFailed(`model-budget: the check failed (fail-on: ${result.failOn}); see the annotations and the job summary`);
  } catch (error) {
    core.setFailed(forTerminal(`model-budget: ${(error as Error).message}`));
  }
}
