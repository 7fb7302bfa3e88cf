import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StoredComment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: string };
  /** Hidden by a maintainer: REST does not say so, GraphQL's isMinimized does. */
  minimized?: boolean;
}

/** A scripted answer to the next requests that match, before the normal routes. */
export interface Failure {
  method: string;
  /** Only requests to this path fail; any path when absent. */
  path?: string;
  status: number;
  headers?: Record<string, string>;
  payload?: unknown;
  /** How many matching requests answer this way. */
  times: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body?: { body?: string; query?: string; variables?: { ids?: string[] } };
}

/**
 * The issue-comment endpoints of GitHub's REST API, on 127.0.0.1: list (paginated with Link
 * headers), create, update (403 for someone else's comment, as GitHub answers a token without
 * admin rights), pulls.get, and the GraphQL query for the token's login and comments'
 * authors and minimization; writes can be made to answer 403 or 422, any request to fail a
 * few times first.
 */
export class FakeGitHub {
  comments: StoredComment[] = [];
  requests: RecordedRequest[] = [];
  /** Status every write answers with instead of succeeding (403 for a read-only token). */
  refuseWrites?: number;
  pullHeads = new Map<number, string>();
  /** The login the token acts as: the default GITHUB_TOKEN's unless a test says otherwise. */
  viewer = { login: "github-actions[bot]", type: "Bot" };
  failures: Failure[] = [];
  private nextId = 1000;
  private server?: Server;

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  get writes(): RecordedRequest[] {
    // A GraphQL query is a POST that writes nothing.
    return this.requests.filter((request) => request.method !== "GET" && request.path !== "/graphql");
  }

  /** Back to a fresh pull request with the default token, between tests. */
  reset(): void {
    this.comments = [];
    this.requests = [];
    delete this.refuseWrites;
    this.pullHeads.clear();
    this.viewer = { login: "github-actions[bot]", type: "Bot" };
    this.failures = [];
  }

  seed(body: string, user = { login: "someone", type: "User" }): StoredComment {
    const id = this.nextId++;
    const comment = { id, node_id: `IC_${id}`, body, user };
    this.comments.push(comment);
    return comment;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", this.url);
    const body = text ? (JSON.parse(text) as RecordedRequest["body"]) : undefined;
    this.requests.push({ method: request.method ?? "GET", path: url.pathname + url.search, ...(body ? { body } : {}) });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(payload));
    };
    const failure = this.failures.find(
      (candidate) => candidate.method === request.method && (candidate.path === undefined || candidate.path === url.pathname) && candidate.times > 0,
    );
    if (failure) {
      failure.times--;
      send(failure.status, failure.payload ?? { message: "scripted failure" }, failure.headers);
      return;
    }
    if (url.pathname === "/graphql" && request.method === "POST") {
      const nodes = (body?.variables?.ids ?? []).map((id) => {
        const comment = this.comments.find((candidate) => candidate.node_id === id);
        return comment ? { id, isMinimized: comment.minimized === true, author: { login: comment.user.login } } : null;
      });
      send(200, { data: { viewer: { login: this.viewer.login }, nodes } });
      return;
    }
    if (request.method !== "GET" && this.refuseWrites) {
      send(this.refuseWrites, { message: this.refuseWrites === 403 ? "Resource not accessible by integration" : "Validation Failed" });
      return;
    }
    let match = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (match && request.method === "GET") {
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const pages = Math.max(1, Math.ceil(this.comments.length / perPage));
      const link = (n: number) => `<${this.url}${url.pathname}?per_page=${perPage}&page=${n}>`;
      const headers: Record<string, string> = {};
      if (page < pages) headers.link = `${link(page + 1)}; rel="next", ${link(pages)}; rel="last"`;
      send(200, this.comments.slice((page - 1) * perPage, page * perPage), headers);
      return;
    }
    if (match && request.method === "POST") {
      send(201, this.seed(body!.body!, this.viewer));
      return;
    }
    match = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (match && request.method === "PATCH") {
      const comment = this.comments.find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return send(404, { message: "Not Found" });
      if (comment.user.login !== this.viewer.login) return send(403, { message: "Must have admin rights to Repository." });
      comment.body = body!.body!;
      send(200, comment);
      return;
    }
    match = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(url.pathname);
    if (match && request.method === "GET") {
      const sha = this.pullHeads.get(Number(match[1]));
      if (!sha) return send(404, { message: "Not Found" });
      send(200, { number: Number(match[1]), head: { sha } });
      return;
    }
    send(404, { message: `no route for ${request.method} ${url.pathname}` });
  }
}
