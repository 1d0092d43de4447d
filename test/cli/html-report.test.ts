/**
 * `--format html`: one self-contained readiness report page, checked through the CLI with a real
 * HTML parse (parse5): per document its title, kind, score and preconditions, findings grouped
 * by section with why they matter and what to do, a summary table for several documents, and
 * document text (headings, titles, file names) escaped. Then, when Chromium is installed, the
 * page is laid out in headless Chromium: no request leaves it, no console error, no horizontal
 * overflow, and a screenshot per plan under test-results/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'parse5';
import { BUNDLED_EXAMPLES, REPO_ROOT, runCli, tempDir, write } from './helpers.js';

interface Element {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Element[];
  value?: string;
  content?: Element;
}

function asElement(node: unknown): Element {
  return node as Element;
}

/** Every element below `root`, in document order. */
function elements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Element): void => {
    for (const c of n.childNodes ?? []) {
      if (c.tagName) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs?.find((a) => a.name === name)?.value;
}

function hasClass(el: Element, name: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(name);
}

/** The text of an element, as a browser would show it (entities decoded). */
function text(el: Element): string {
  if (el.nodeName === '#text') return el.value ?? '';
  return (el.childNodes ?? []).map(text).join('');
}

function byTag(root: Element, tag: string): Element[] {
  return elements(root).filter((e) => e.tagName === tag);
}

function byClass(root: Element, name: string): Element[] {
  return elements(root).filter((e) => hasClass(e, name));
}

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Reseller pilot';
const HOSTILE_SECTION = '<script>alert(2)</script> Margins';
const HOSTILE_FILE = '<b>plan</b> & "notes".md';

const HOSTILE_PLAN = `---
type: partnership-plan
title: ${JSON.stringify(HOSTILE_TITLE)}
stage: pilot
archetypes: [reseller]
---
# ${HOSTILE_TITLE}

## ${HOSTILE_SECTION}

Resellers earn a 45% margin on first-year ACV from the six regional resellers we recruit.
`;

test('--format html: one page with a summary table and a report per plan, each finding under its section with why and what to do', async () => {
  const run = await runCli(['--format', 'html', BUNDLED_EXAMPLES]);
  assert.equal(run.stderr, '');
  const doc = asElement(parse(run.stdout));
  const all = elements(doc);
  assert.ok(all.some((e) => e.tagName === 'html' && attr(e, 'lang') === 'en'));
  // Self-contained: no scripts, no external stylesheets, images or fonts; a policy that allows none.
  assert.deepEqual(all.filter((e) => ['script', 'link', 'img', 'iframe', 'object'].includes(e.tagName!)).map((e) => e.tagName), []);
  const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
  assert.match(attr(csp!, 'content') ?? '', /default-src 'none'/);
  assert.ok(!/script-src/.test(attr(csp!, 'content') ?? ''), 'no script source allowed');
  assert.ok(all.every((e) => !(e.attrs ?? []).some((a) => /^on/i.test(a.name))), 'no event handler attributes');

  const examples = fs.readdirSync(BUNDLED_EXAMPLES).filter((f) => f.endsWith('.md'));
  const table = byTag(doc, 'table');
  assert.equal(table.length, 1, 'one summary table');
  assert.deepEqual(byTag(table[0], 'th').map(text), ['Document', 'Kind', 'Readiness', 'Preconditions', 'Findings']);
  const rows = byTag(byTag(table[0], 'tbody')[0], 'tr');
  assert.equal(rows.length, examples.length);
  for (const row of rows) {
    const cells = byTag(row, 'td').map(text);
    assert.equal(cells[1], 'Partner program plan');
    assert.match(cells[2], /^\d{1,3}\/100$/);
    assert.match(cells[3], /^\d\/6 preconditions$/);
  }

  const articles = byTag(doc, 'article');
  assert.equal(articles.length, examples.length);
  for (const article of articles) {
    const h1 = text(byTag(article, 'h1')[0]);
    const file = text(byClass(article, 'file')[0]);
    assert.ok(examples.includes(path.basename(file)), file);
    const source = fs.readFileSync(path.join(BUNDLED_EXAMPLES, path.basename(file)), 'utf8');
    assert.ok(source.includes(h1), `${file}: the title "${h1}" is the document's`);
    assert.equal(text(byClass(article, 'kind')[0]), 'Partner program plan');
    assert.match(text(byClass(article, 'figure')[0]), /^\d{1,3}\/100$/);
    assert.equal(byClass(byClass(article, 'preconditions')[0], 'yes').length + byClass(byClass(article, 'preconditions')[0], 'no').length, 6);
    const headings = byTag(article, 'h2').map(text);
    for (const h of ['Preconditions', 'Red flags', 'How the score is made']) assert.ok(headings.includes(h), `${file}: ${h}`);
    assert.ok(headings.some((h) => h.startsWith('Findings')), file);
    for (const finding of byClass(article, 'finding')) {
      assert.match(text(byClass(finding, 'where')[0]), /^(Error|Warning|Suggestion) · line \d+$/);
      assert.ok(text(byClass(finding, 'message')[0]).length > 10);
      assert.match(text(byClass(finding, 'why')[0]), /^Why it matters: \S/);
      assert.match(text(byClass(finding, 'fix')[0]), /^What to do: \S/);
    }
  }

  // The kickoff plan's findings sit under the headings of its sections, in document order.
  const kickoff = articles.find((a) => text(byClass(a, 'file')[0]).endsWith('quillpath-referral-kickoff.md'))!;
  const groups = byClass(kickoff, 'group').map((g) => text(byTag(g, 'h3')[0]));
  assert.ok(groups.length >= 2, `several groups: ${groups.join(' | ')}`);
  assert.equal(groups[0], 'The document as a whole');
  const lines = groups.slice(1).map((g) => Number(/\(line (\d+)\)$/.exec(g)?.[1]));
  assert.ok(lines.every((n, i) => n > 0 && (i === 0 || n > lines[i - 1])), `groups in document order: ${groups.join(' | ')}`);
  const source = fs.readFileSync(path.join(BUNDLED_EXAMPLES, 'quillpath-referral-kickoff.md'), 'utf8').split('\n');
  for (const [i, n] of lines.entries()) assert.ok(source[n - 1].includes(groups[i + 1].replace(/ \(line \d+\)$/, '')), `group ${groups[i + 1]} names its heading`);
});

test('--format html: headings, titles and file names from documents render as text, never as markup', async (t) => {
  const dir = tempDir(t);
  write(dir, HOSTILE_FILE, HOSTILE_PLAN);
  const run = await runCli(['--format', 'html', '.'], { cwd: dir });
  const doc = asElement(parse(run.stdout));
  const all = elements(doc);
  assert.deepEqual(all.filter((e) => ['script', 'img', 'b'].includes(e.tagName!)).map((e) => e.tagName), []);
  assert.ok(all.every((e) => !(e.attrs ?? []).some((a) => /^on/i.test(a.name))), 'no event handler attributes');
  assert.equal(text(byTag(doc, 'h1')[0]), HOSTILE_TITLE);
  assert.equal(text(byTag(doc, 'title')[0]), `Readiness report: ${HOSTILE_TITLE}`);
  assert.equal(text(byClass(doc, 'file')[0]), HOSTILE_FILE);
  const groups = byClass(doc, 'group').map((g) => text(byTag(g, 'h3')[0]));
  // A heading reads as its text, as a markdown viewer shows it: the script's text, never a script.
  assert.ok(groups.includes('alert(2) Margins (line 9)'), groups.join(' | '));
  assert.ok(!run.stdout.includes('<img src=x'), 'the raw markup is not in the page');
  assert.ok(!run.stdout.includes('<script>'), 'the raw markup is not in the page');
});

test('--format html on a folder without plans says so', async (t) => {
  const dir = tempDir(t);
  write(dir, 'README.md', '# Notes\n\nShopping list: milk, eggs.\n');
  const empty = await runCli(['--format', 'html', '.'], { cwd: dir });
  assert.equal(empty.code, 0);
  assert.match(text(byClass(asElement(parse(empty.stdout)), 'summary')[0]), /1 file checked, no partner-program documents found/);
});

/** What the layout check reads of the page in the browser. */
interface BrowserDocument {
  documentElement: { scrollWidth: number; clientWidth: number };
  body: { getBoundingClientRect(): { height: number } };
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): { getBoundingClientRect(): { width: number } } | null;
}

/** Chromium as the editor tests use it (Debian's /usr/bin/chromium); absent: the layout check is skipped. */
const CHROMIUM = process.env.PARTNERLINT_CHROMIUM ?? '/usr/bin/chromium';

test('--format html lays out in headless Chromium: no request, no console error, no horizontal overflow', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, async (t) => {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    t.skip('playwright-core is not installed');
    return;
  }
  const { chromiumArgs } = (await import(path.join(REPO_ROOT, 'test', 'e2e', 'browser.mjs'))) as { chromiumArgs: string[] };
  const shots = path.join(REPO_ROOT, 'test-results', 'html-report');
  fs.mkdirSync(shots, { recursive: true });
  const dir = tempDir(t);
  write(dir, HOSTILE_FILE, HOSTILE_PLAN);
  const pages: Array<{ name: string; html: string }> = [];
  for (const file of fs.readdirSync(BUNDLED_EXAMPLES).filter((f) => f.endsWith('.md'))) {
    pages.push({ name: file.replace(/\.md$/, ''), html: (await runCli(['--format', 'html', path.join(BUNDLED_EXAMPLES, file)])).stdout });
  }
  pages.push({ name: 'all-examples', html: (await runCli(['--format', 'html', BUNDLED_EXAMPLES])).stdout });
  pages.push({ name: 'hostile', html: (await runCli(['--format', 'html', '.'], { cwd: dir })).stdout });

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  t.after(() => browser.close());
  for (const { name, html } of pages) {
    const file = path.join(dir, `${name}.html`);
    fs.writeFileSync(file, html);
    // Every page at a laptop's width; the page of all examples on a phone's too.
    for (const width of name === 'all-examples' ? [1024, 375] : [1024]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(`file://${file}`);
      const layout = await page.evaluate(() => {
        const document = (globalThis as unknown as { document: BrowserDocument }).document;
        return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        height: document.body.getBoundingClientRect().height,
        articles: document.querySelectorAll('article').length,
        score: document.querySelector('.figure')?.getBoundingClientRect().width ?? 0,
        };
      });
      await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      await page.close();
      assert.deepEqual(requests, [], `${name} at ${width}px: no request leaves the page`);
      assert.deepEqual(problems, [], `${name} at ${width}px: no console error or dialog`);
      assert.ok(layout.scrollWidth <= layout.clientWidth, `${name} at ${width}px: no horizontal overflow (${layout.scrollWidth} > ${layout.clientWidth})`);
      assert.ok(layout.height > 300 && layout.articles >= 1, `${name} at ${width}px: laid out (${JSON.stringify(layout)})`);
      assert.ok(layout.score > 0, `${name} at ${width}px: the score is shown`);
    }
  }
});
