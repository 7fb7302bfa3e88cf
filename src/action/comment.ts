import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export type CommentOutcome =
  | { kind: "created" | "updated" | "unchanged"; id: number }
  | { kind: "skipped"; reason: string }
  | { kind: "forbidden"; status: number; message: string };

interface ExistingComment {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
}

/** Our comment among all of the PR's comments (every page), preferring one written by a bot. */
async function findComment(octokit: Octokit, target: CommentTarget, marker: string): Promise<ExistingComment | undefined> {
  const comments: ExistingComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const ours = comments.filter((comment) => comment.body?.startsWith(marker));
  return ours.find((comment) => comment.user?.type === "Bot") ?? ours[0];
}

/**
 * One sticky comment per PR and key: found by its hidden marker, edited in place, and not
 * touched at all when its body would not change, so nobody gets a notification for nothing.
 * When `onlyUpdate` is set an existing comment is kept current but no new one is created.
 */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, body: string, onlyUpdate: boolean): Promise<CommentOutcome> {
  try {
    const existing = await findComment(octokit, target, marker);
    if (existing && existing.body === body) return { kind: "unchanged", id: existing.id };
    if (existing) {
      await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
      return { kind: "updated", id: existing.id };
    }
    if (onlyUpdate) return { kind: "skipped", reason: "nothing to report and no earlier comment to update" };
    const created = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
    return { kind: "created", id: created.data.id };
  } catch (error) {
    const status = (error as { status?: number }).status;
    // Fork PRs and Dependabot get read-only tokens: 403/404 on write. 422 is a body GitHub refused.
    if (status === 403 || status === 404 || status === 422) return { kind: "forbidden", status, message: (error as Error).message };
    throw error;
  }
}
