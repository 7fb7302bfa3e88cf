import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export type CommentOutcome =
  | { kind: "created" | "updated" | "unchanged"; id: number; replaced?: "minimized" }
  | { kind: "skipped"; reason: string }
  | { kind: "forbidden"; status: number; message: string }
  | { kind: "rate-limited"; status: number; message: string }
  | { kind: "unavailable"; status: number; message: string }
  | { kind: "unreadable"; message: string };

interface ListedComment {
  id: number;
  nodeId: string;
  body: string;
}

/** A response that is not a list of comments (a proxy's error page, a changed API) is reported, never dereferenced blindly. */
class UnreadableResponse extends Error {}

function listedComment(item: unknown): ListedComment {
  const comment = item as { id?: unknown; node_id?: unknown; body?: unknown } | null;
  if (typeof comment !== "object" || comment === null || !Number.isSafeInteger(comment.id) || typeof comment.node_id !== "string") {
    throw new UnreadableResponse("the list of the pull request's comments holds an entry that is not a comment");
  }
  return { id: comment.id as number, nodeId: comment.node_id, body: typeof comment.body === "string" ? comment.body : "" };
}

async function listComments(octokit: Octokit, target: CommentTarget): Promise<ListedComment[]> {
  const comments: ListedComment[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
  for await (const page of pages) {
    if (!Array.isArray(page.data)) throw new UnreadableResponse("GitHub answered the list of the pull request's comments with something that is not a list");
    comments.push(...(page.data as unknown[]).map(listedComment));
  }
  return comments;
}

interface Ownership {
  /** The login the token acts as: `github-actions[bot]` for the default token, `<app>[bot]` for an app's, the user for a PAT. */
  viewer: string;
  nodes: Map<string, { author: string | undefined; isMinimized: boolean }>;
}

const OWNERSHIP_QUERY = `query($ids: [ID!]!) {
  viewer { login }
  nodes(ids: $ids) { ... on IssueComment { id isMinimized author { login } } }
}`;

/**
 * Who wrote each marked comment, whether it is hidden, and who we are: one GraphQL call, made only
 * when some comment carries our marker. REST lists neither minimization nor the token's identity
 * (GET /user refuses installation tokens such as the default GITHUB_TOKEN; `viewer` answers all).
 */
async function ownership(octokit: Octokit, candidates: readonly ListedComment[]): Promise<Ownership> {
  let answer;
  try {
    answer = await octokit.graphql<{ viewer?: { login?: unknown }; nodes?: unknown }>(OWNERSHIP_QUERY, { ids: candidates.map((comment) => comment.nodeId) });
  } catch (error) {
    // An answer with GraphQL errors (no HTTP status): without authors, no comment is safe to edit.
    if ((error as { status?: number }).status === undefined) throw new UnreadableResponse(`GitHub did not say who wrote the marked comments (${(error as Error).message})`);
    throw error;
  }
  const viewer = answer?.viewer?.login;
  if (typeof viewer !== "string" || !Array.isArray(answer.nodes)) throw new UnreadableResponse("GitHub's answer to who wrote the marked comments is not readable");
  const nodes = new Map<string, { author: string | undefined; isMinimized: boolean }>();
  for (const node of answer.nodes as ({ id?: unknown; isMinimized?: unknown; author?: { login?: unknown } | null } | null)[]) {
    if (typeof node?.id !== "string") continue;
    nodes.set(node.id, { author: typeof node.author?.login === "string" ? node.author.login : undefined, isMinimized: node.isMinimized === true });
  }
  return { viewer, nodes };
}

/** GitHub's secondary rate limit answers 403 (or 429) with `retry-after` or no remaining requests: slow down, not a read-only token. */
export function isRateLimited(error: unknown): boolean {
  const { status, response } = error as { status?: number; response?: { headers?: Record<string, string | undefined> } };
  const headers = response?.headers ?? {};
  return (status === 403 || status === 429) && (headers["retry-after"] !== undefined || headers["x-ratelimit-remaining"] === "0");
}

/**
 * One sticky comment per PR and key, and only ever our own: a comment is edited when it carries the
 * hidden marker *and* was written by the identity this token acts as, so a marker pasted into
 * someone else's comment is ignored. A comment of ours that someone minimized is replaced by a new
 * one rather than edited back into a hidden place. An unchanged body is not touched at all, so
 * nobody is notified for nothing. When `onlyUpdate` is set a visible comment is kept current but no
 * new one is created.
 */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, body: string, onlyUpdate: boolean): Promise<CommentOutcome> {
  try {
    const marked = (await listComments(octokit, target)).filter((comment) => comment.body.startsWith(marker));
    let ours: ListedComment[] = [];
    let hidden = false;
    if (marked.length) {
      const { viewer, nodes } = await ownership(octokit, marked);
      ours = marked.filter((comment) => nodes.get(comment.nodeId)?.author === viewer);
      hidden = ours.length > 0 && ours.every((comment) => nodes.get(comment.nodeId)?.isMinimized);
      ours = ours.filter((comment) => !nodes.get(comment.nodeId)?.isMinimized);
    }
    // The latest visible comment of ours: the one readers see last.
    const existing = ours.at(-1);
    if (existing && existing.body === body) return { kind: "unchanged", id: existing.id };
    if (existing) {
      await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
      return { kind: "updated", id: existing.id };
    }
    if (onlyUpdate) return { kind: "skipped", reason: hidden ? "nothing new to report, and the earlier comment was hidden" : "nothing to report and no earlier comment to update" };
    const created = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
    return { kind: "created", id: created.data.id, ...(hidden ? { replaced: "minimized" as const } : {}) };
  } catch (error) {
    if (error instanceof UnreadableResponse) return { kind: "unreadable", message: error.message };
    const status = (error as { status?: number }).status;
    if (isRateLimited(error)) return { kind: "rate-limited", status: status!, message: (error as Error).message };
    // GitHub's own failure, left after the retries: the check's verdict does not depend on it.
    if (status !== undefined && status >= 500) return { kind: "unavailable", status, message: (error as Error).message };
    // Fork PRs and Dependabot get read-only tokens: 403/404 on write. 422 is a body GitHub refused.
    if (status === 403 || status === 404 || status === 422) return { kind: "forbidden", status, message: (error as Error).message };
    throw error;
  }
}
