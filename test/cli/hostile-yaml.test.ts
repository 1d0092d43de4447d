/**
 * YAML the command must survive: front matter and config files nested a
 * thousand levels deep (the yaml library's stack overflowed, and a second
 * overflow aborted the process), and ones with tens of thousands of keys (its
 * duplicate-key check is quadratic). They are measured before they are parsed
 * (core/yaml-limits.ts): over a limit, front matter is reported and the plan
 * still linted, a config file is reported by name and the defaults apply.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../lib/index.js';
import { parseJsonOutput, RESELLER_PLAN, runCli, tempDir, write, type CliRun } from './helpers.js';

const BODY = RESELLER_PLAN.slice(RESELLER_PLAN.indexOf('\n---\n') + 5);

const DEEP_FRONT_MATTER: Array<[string, string]> = [
  ['[ nested 1,000 deep', `x: ${'['.repeat(1000)}${']'.repeat(1000)}`],
  ['{ nested 3,000 deep', `x: ${'{'.repeat(3000)}${'}'.repeat(3000)}`],
  ['1,000 lines of "k: :"', 'k: :\n'.repeat(1000)],
  ['3,000 "a: " in a list', `x: [${'a: '.repeat(3000)}]`],
];

function planWith(frontMatter: string): string {
  return `---\ntype: partnership-plan\n${frontMatter}\n---\n${BODY}`;
}

/** Exit 0, 1 or 2, by itself, without a stack trace or a crash report. */
function assertSurvived(run: CliRun): void {
  assert.equal(run.signal, null, `killed by ${run.signal}\n${run.stderr}`);
  assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `exit ${run.code}\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\n\s+at |FATAL|internal error|Maximum call stack/, run.stderr);
}

test('plans with front matter nested thousands of levels deep are linted as markdown, two of each', async (t) => {
  const dir = tempDir(t);
  const names: string[] = [];
  for (const [i, [, frontMatter]] of DEEP_FRONT_MATTER.entries()) {
    for (const copy of ['a', 'b']) names.push(write(dir, `plan-${i}-${copy}.md`, planWith(frontMatter)).slice(dir.length + 1));
  }
  const run = await runCli(['--format', 'json', ...names], { cwd: dir });
  assertSurvived(run);
  const entries = parseJsonOutput(run);
  assert.equal(entries.length, names.length);
  for (const entry of entries) assert.ok(entry.findings.some((f) => f.ruleId === 'margin-range'), `${entry.file}: the plan is still linted`);

  // What the engine says about the front matter.
  for (const [what, frontMatter] of DEEP_FRONT_MATTER) {
    const problems = lint(planWith(frontMatter)).frontMatterProblems ?? [];
    assert.deepEqual(
      problems.map((p) => p.message),
      ['front matter not read: its lists and maps are nested too deeply to read safely; the rest of the plan is checked as usual'],
      what,
    );
  }
});

test('config files nested 1,000 levels deep: each is reported by name, without its content, and the defaults apply', async (t) => {
  const dir = tempDir(t);
  const deepJson = `{"rules": ${'['.repeat(1000)}${']'.repeat(1000)}}`;
  const deepYaml = `rules:\n  margin-range: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
  for (const folder of ['json-a', 'json-b']) write(dir, `${folder}/.partnerlintrc.json`, deepJson);
  for (const folder of ['yaml-a', 'yaml-b']) write(dir, `${folder}/.partnerlintrc.yaml`, deepYaml);
  for (const folder of ['json-a', 'json-b', 'yaml-a', 'yaml-b']) write(dir, `${folder}/plan.md`, RESELLER_PLAN);

  const run = await runCli(['--format', 'json', '.'], { cwd: dir });
  assertSurvived(run);
  assert.equal(run.code, 2, 'a config problem exits 2');
  const why = 'not read: its lists and maps are nested too deeply to read safely; the default settings are used instead';
  for (const file of ['json-a/.partnerlintrc.json', 'json-b/.partnerlintrc.json', 'yaml-a/.partnerlintrc.yaml', 'yaml-b/.partnerlintrc.yaml']) {
    assert.ok(run.stderr.includes(`${file}: ${why}\n`), `${file} reported:\n${run.stderr}`);
  }
  assert.ok(!run.stderr.includes('[['), 'the file content is not quoted');
  const entries = parseJsonOutput(run);
  assert.equal(entries.length, 4);
  // The default settings: margin-range at its default severity.
  for (const entry of entries) assert.equal(entry.findings.find((f) => f.ruleId === 'margin-range')?.severity, 'warning', entry.file);

  const explicit = await runCli(['--config', 'json-a/.partnerlintrc.json', 'json-b/plan.md'], { cwd: dir });
  assertSurvived(explicit);
  assert.match(explicit.stderr, new RegExp(`json-a/\\.partnerlintrc\\.json: ${why.replace(/[.;]/g, '\\$&')}`));
});

test('front matter with 40,000 keys and a config with 20,000: refused at once, not parsed in quadratic time', async (t) => {
  const dir = tempDir(t);
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `key${i}: value`).join('\n');
  write(dir, 'plan.md', planWith(keys(40_000)));
  write(dir, 'configured/.partnerlintrc.yaml', keys(20_000));
  write(dir, 'configured/plan.md', RESELLER_PLAN);

  const started = Date.now();
  const run = await runCli(['--format', 'json', 'plan.md', 'configured/plan.md'], { cwd: dir });
  const seconds = (Date.now() - started) / 1000;
  assertSurvived(run);
  // Parsed, these took about 15 s and 50 s; refused, the run takes 2 to 4 s, nearly all of it reading the
  // 40,000 lines as markdown (the bound leaves room for a loaded machine).
  assert.ok(seconds < 15, `took ${seconds} s`);
  assert.match(run.stderr, /configured\/\.partnerlintrc\.yaml: not read: it has more than 1,000 keys and list items; the default settings are used instead/);
  const entries = parseJsonOutput(run);
  assert.ok(entries[0].findings.some((f) => f.ruleId === 'margin-range'), 'the plan is still linted');
  assert.deepEqual(
    (lint(planWith(keys(40_000))).frontMatterProblems ?? []).map((p) => p.message),
    ['front matter not read: it has more than 1,000 keys and list items; the rest of the plan is checked as usual'],
  );
});
