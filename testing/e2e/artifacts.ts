// Screenshots and other files the e2e run leaves for people to look at (gitignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/paths';

export const artifactsDir = path.join(repoRoot, 'test-artifacts');

export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}
