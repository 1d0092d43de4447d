/**
 * The TextMate injection grammars, checked the way VS Code loads them: the
 * grammars contributed in package.json are injected into the real markdown and
 * YAML grammars and every case in test/grammar/cases/ is tokenized by
 * vscode-tmgrammar-test (through test/grammar/run-grammar-tests.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// out/test/grammar/grammar.test.js -> repository root
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const runner = join(root, 'test', 'grammar', 'run-grammar-tests.mjs');

function runCases(...globs: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, ...globs], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

test('package.json contributes both injection grammars into markdown', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { grammars: GrammarContribution[] };
  };
  const grammars = pkg.contributes.grammars;
  assert.deepEqual(
    grammars.map((g) => g.scopeName).sort(),
    ['partnerlint.frontmatter.injection', 'partnerlint.markdown.injection'],
  );
  for (const g of grammars) {
    const file = join(root, g.path);
    assert.ok(existsSync(file), `${g.path} exists`);
    const grammar = JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, g.scopeName, `${g.path} declares the contributed scope name`);
    assert.deepEqual(g.injectTo, ['text.html.markdown']);
    assert.match(grammar.injectionSelector, /^L:/, 'injected with priority over the markdown rules');
  }
});

test('every grammar case passes', async () => {
  const cases = readdirSync(join(root, 'test', 'grammar', 'cases')).filter((f) => f.endsWith('.md'));
  assert.ok(cases.length >= 5, 'cases for percentages, durations, tiers, directives and front matter');
  const { code, stdout, stderr } = await runCases();
  assert.equal(code, 0, stdout + stderr);
  for (const c of cases) assert.match(stdout, new RegExp(`✓ test/grammar/cases/${c.replace('.', '\\.')}`));
});

test('a wrong expectation is reported with its line and columns', async () => {
  const { code, stdout } = await runCases('test/grammar/negative/*.md');
  assert.equal(code, 1);
  assert.match(
    stdout,
    /wrong-scope\.md:2:18:20 Missing required scopes: \[ constant\.numeric\.duration\.partnerlint \] actual scopes: \[text\.html\.markdown meta\.paragraph\.markdown constant\.numeric\.percentage\.partnerlint\]/,
  );
});
