/**
 * Where a rule's documentation lives. By default the page shipped with the
 * package (`docs/rules/<id>.md`), as a file URL that works offline; set
 * PARTNERLINT_DOCS_BASE_URL to point editors and SARIF at a hosted copy.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

let packageRoot: string | null = null;

function root(): string {
  if (packageRoot) return packageRoot;
  // out/core/docs-url.js (or a bundle in dist/) -> package root
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (path.basename(dir) === 'out' || path.basename(dir) === 'dist') {
      dir = path.dirname(dir);
      break;
    }
    dir = path.dirname(dir);
  }
  packageRoot = dir;
  return dir;
}

/** Per rule id, the URL and the PARTNERLINT_DOCS_BASE_URL it was made with: asked once per finding, on every keystroke. */
const urls = new Map<string, { base: string | undefined; url: string }>();

export function ruleDocsUrl(ruleId: string): string {
  const base = process.env.PARTNERLINT_DOCS_BASE_URL;
  const known = urls.get(ruleId);
  if (known && known.base === base) return known.url;
  const url = base ? `${base.replace(/\/$/, '')}/${ruleId}.md` : pathToFileURL(path.join(root(), 'docs', 'rules', `${ruleId}.md`)).href;
  urls.set(ruleId, { base, url });
  return url;
}

/**
 * True when `file` is one of Partnerlint's own rule documentation pages (`docs/rules/*.md` of
 * the package): pages about the rules, read rendered, never linted as plans (their examples
 * would fire the rules they describe).
 */
export function isRuleDocsPage(file: string): boolean {
  const folder = path.join(root(), 'docs', 'rules');
  const resolved = path.resolve(file);
  return path.dirname(resolved) === folder && path.extname(resolved).toLowerCase() === '.md';
}
