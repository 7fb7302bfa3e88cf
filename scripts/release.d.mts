// Types of what the tests import from release.mjs, a plain script.
export class ReleaseError extends Error {}
export interface ReleaseTag {
  tag: string;
  version: string;
  prerelease: boolean;
  majorTag: string | undefined;
}
export function parseTag(tag: string): ReleaseTag;
export function changelogSection(changelog: string, version: string): string | undefined;
