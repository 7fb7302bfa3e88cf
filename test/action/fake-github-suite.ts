import { afterAll, afterEach, beforeAll } from "vitest";
import { FakeGitHub } from "./fake-github.js";
import type { TempRepository } from "./git-fixture.js";

/**
 * The fake GitHub API for one test file, listening while its tests run, and the temporary git
 * repositories they make: after each test the API forgets what it was sent and the repositories go.
 */
export function fakeGitHubSuite(): { github: FakeGitHub; repositories: TempRepository[] } {
  const github = new FakeGitHub();
  const repositories: TempRepository[] = [];
  beforeAll(() => github.start());
  afterAll(() => github.stop());
  afterEach(() => {
    github.reset();
    for (const repository of repositories.splice(0)) repository.cleanup();
  });
  return { github, repositories };
}
