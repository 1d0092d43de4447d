/** Plan texts for the protocol tests, and the engine's own answer for them (what the server must translate). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type LintResult } from '../../lib/index.js';
import { REPO_ROOT } from './harness.js';

export const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'lsp', 'fixtures');

/** A reseller plan: an out-of-band margin on a line with an emoji, deal registration without an approval SLA. */
export const RESELLER_PLAN = fs.readFileSync(path.join(FIXTURE_DIR, 'reseller-plan.md'), 'utf8');

/** An ordinary README: never a plan. */
export const README_TEXT = `# ferrous-cache

A small in-memory cache for Rust services.

## Install

\`\`\`sh
cargo add ferrous-cache
\`\`\`

## Usage

Create a cache with a capacity and insert values; entries expire after their TTL.

## License

MIT
`;

export function engineResult(text: string, filePath: string): LintResult {
  return lint(text, { filePath });
}
