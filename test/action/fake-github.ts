import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  body?: { body?: string };
}

/**
 * The issue-comment endpoints of GitHub's REST API, on 127.0.0.1: list (paginated with Link
 * headers), create, update, and pulls.get; writes can be made to answer 403 or 422.
 */
export class FakeGitHub {
  comments: StoredComment[] = [];
  requests: RecordedRequest[] = [];
  /** Status every write answers with instead of succeeding (403 for a read-only token). */
  refuseWrites?: number;
  pullHeads = new Map<number, string>();
  private nextId = 1000;
  private server?: Server;

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  get writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== "GET");
  }

  seed(body: string, user = { login: "someone", type: "User" }): StoredComment {
    const comment = { id: this.nextId++, body, user };
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
    const body = text ? (JSON.parse(text) as { body?: string }) : undefined;
    this.requests.push({ method: request.method ?? "GET", path: url.pathname + url.search, ...(body ? { body } : {}) });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(payload));
    };
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
      send(201, this.seed(body!.body!, { login: "github-actions[bot]", type: "Bot" }));
      return;
    }
    match = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (match && request.method === "PATCH") {
      const comment = this.comments.find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return send(404, { message: "Not Found" });
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
