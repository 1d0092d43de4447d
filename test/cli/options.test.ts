/** stdin, --report, --quiet and --max-warnings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { lint, planContext, preconditionCount, preconditionLine, PRECONDITIONS, sectionLine } from '../../lib/index.js';
import { BUNDLED_EXAMPLES, lineOf, parseJsonOutput, README_TEXT, RESELLER_PLAN, ruleIds, runCli, tempDir, write } from './helpers.js';

test('--stdin lints standard input', async (t) => {
  const dir = tempDir(t);
  const run = await runCli(['--stdin', '--format', 'json'], { cwd: dir, input: RESELLER_PLAN });
  assert.notEqual(run.code, 2, run.stderr);
  const [entry] = parseJsonOutput(run);
  assert.equal(entry.file, '<stdin>');
  assert.equal(entry.isPlan, true);
  const margin = entry.findings.find((f) => f.ruleId === 'margin-range');
  assert.equal(margin?.line, lineOf(RESELLER_PLAN, '45%'));
});

test('--stdin-filename names the input and finds its config', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plans/.partnerlintrc.json', JSON.stringify({ rules: { 'margin-range': 'off' } }));
  const run = await runCli(['--stdin', '--stdin-filename', 'plans/acme.md', '--format', 'json'], { cwd: dir, input: RESELLER_PLAN });
  assert.notEqual(run.code, 2, run.stderr);
  const [entry] = parseJsonOutput(run);
  assert.equal(entry.file, 'plans/acme.md');
  assert.ok(!ruleIds(entry).includes('margin-range'), 'the config next to the named file applies');

  const stylish = await runCli(['--stdin', '--stdin-filename', 'plans/acme.md'], { cwd: dir, input: RESELLER_PLAN });
  assert.match(stylish.stdout, /^plans\/acme\.md$/m);
});

test('--stdin with binary input is skipped with a message', async (t) => {
  const dir = tempDir(t);
  const run = await runCli(['--stdin', '--format', 'json'], { cwd: dir, input: Buffer.from([0x41, 0x00, 0x42]) });
  assert.equal(run.code, 0);
  assert.match(run.stderr, /<stdin>: skipped: binary file/);
  assert.deepEqual(parseJsonOutput(run), []);
});

test('--report prints the readiness report of each plan', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', RESELLER_PLAN);
  write(dir, 'README.md', README_TEXT);
  const run = await runCli(['--report'], { cwd: dir, env: { COLUMNS: '300' } });
  assert.notEqual(run.code, 2, run.stderr);
  // The terminal report (test/cli/terminal.test.ts) says what the markdown report says, in the core's words.
  const result = lint(RESELLER_PLAN, { filePath: file });
  assert.ok(result.readiness);
  const expected = [
    'Readiness report',
    `${result.readiness.score}/100 · ${preconditionCount(result.readiness)}`,
    planContext(result),
    ...PRECONDITIONS.map((k) => `${result.readiness!.details[k].met ? '✓' : '✗'} ${preconditionLine(k, result.readiness!.details[k])}`),
    ...result.sections.map(sectionLine),
  ];
  for (const line of expected) assert.ok(run.stdout.includes(line), `report line in output: ${line}\n${run.stdout}`);
  assert.doesNotMatch(run.stdout, /^README\.md$/m, 'no report for a document that is not a plan');
  const without = await runCli([], { cwd: dir });
  assert.ok(!without.stdout.includes('Readiness report'));
});

test('--quiet reports errors only', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const quietDefault = await runCli(['--quiet'], { cwd: dir });
  const full = await runCli(['--format', 'json'], { cwd: dir });
  const hasErrors = parseJsonOutput(full)[0].findings.some((f) => f.severity === 'error');
  if (!hasErrors) {
    assert.equal(quietDefault.code, 0);
    assert.equal(quietDefault.stdout, '');
  }
  write(dir, '.partnerlintrc.json', JSON.stringify({ rules: { 'margin-range': 'error' } }));
  const run = await runCli(['--quiet', '--format', 'json'], { cwd: dir });
  assert.equal(run.code, 1);
  const [entry] = parseJsonOutput(run);
  assert.ok(entry.findings.length > 0);
  assert.ok(entry.findings.every((f) => f.severity === 'error'));
  assert.ok(ruleIds(entry).includes('margin-range'));
});

test('--max-warnings: exit 1 only above the limit', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const json = await runCli(['--format', 'json'], { cwd: dir });
  const findings = parseJsonOutput(json)[0].findings;
  assert.ok(findings.every((f) => f.severity !== 'error'), 'the sample plan has warnings, not errors');
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  assert.ok(warnings > 0);
  assert.equal(json.code, 0, 'warnings alone exit 0');

  const within = await runCli(['--max-warnings', String(warnings)], { cwd: dir });
  assert.equal(within.code, 0, within.stderr);
  const over = await runCli(['--max-warnings', String(warnings - 1)], { cwd: dir });
  assert.equal(over.code, 1);
  assert.match(over.stderr, new RegExp(`too many warnings: ${warnings} \\(maximum: ${warnings - 1}\\)`));
});

test('the bundled examples lint without usage or file errors', async (t) => {
  const plans = fs.existsSync(BUNDLED_EXAMPLES) ? fs.readdirSync(BUNDLED_EXAMPLES).filter((f) => f.endsWith('.md')) : [];
  if (plans.length === 0) {
    t.skip('no bundled examples yet');
    return;
  }
  const run = await runCli(['--format', 'json', 'examples']);
  assert.notEqual(run.code, 2, run.stderr);
  assert.equal(parseJsonOutput(run).length, plans.length);
});
