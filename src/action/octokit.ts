import { getOctokit } from "@actions/github";
import { isRateLimited } from "./comment.js";

export type Octokit = ReturnType<typeof getOctokit>;

/** Tries per request: a transient failure is retried twice, then reported. */
const ATTEMPTS = 3;
/** The longest wait a `retry-after` may ask for before we give up instead (a job's minutes cost money). */
const LONGEST_WAIT_S = 60;

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Seconds to wait before trying again, or undefined when the failure is not transient. A rate
 * limit refused the request, so any request is tried again; after a 5xx only one that is safe to
 * repeat is (a read, the GraphQL query, an edit with the same body): a comment created twice
 * would be a duplicate on the PR.
 */
function retryDelay(error: unknown, attempt: number, repeatable: boolean): number | undefined {
  const { status, response } = error as { status?: number; response?: { headers?: Record<string, string | undefined> } };
  const retryAfter = Number(response?.headers?.["retry-after"]);
  if (isRateLimited(error)) return Number.isFinite(retryAfter) && retryAfter >= 0 && retryAfter <= LONGEST_WAIT_S ? retryAfter : undefined;
  // 500, 502, 503, 504: GitHub's own hiccups, usually gone a second later.
  if (repeatable && status !== undefined && status >= 500 && status <= 504)
    return Number.isFinite(retryAfter) && retryAfter >= 0 && retryAfter <= LONGEST_WAIT_S ? retryAfter : attempt;
  return undefined;
}

/** The REST and GraphQL client for a token, retrying GitHub's transient failures a bounded number of times. */
export function githubClient(token: string): Octokit {
  const octokit = getOctokit(token);
  octokit.hook.wrap("request", async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const repeatable = options.method !== "POST" || String(options.url).endsWith("/graphql");
        const delay = attempt < ATTEMPTS ? retryDelay(error, attempt, repeatable) : undefined;
        if (delay === undefined) throw error;
        await pause(delay);
      }
    }
  });
  return octokit;
}
