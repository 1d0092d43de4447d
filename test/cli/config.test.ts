/** Config files (nearest, explicit, broken), --init and --detect. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonOutput, README_TEXT, RESELLER_PLAN, ruleIds, runCli, tempDir, write } from './helpers.js';

test('a broken config: each problem as file: keyPath: message, lint with the defaults, exit 2', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  write(
    dir,
    '.partnerlintrc.json',
    JSON.stringify({ rules: { 'margin-range': 'loud', 'margn-range': 'warning' }, detection: { mode: 'sometimes' } }, null, 2),
  );
  const run = await runCli(['--format', 'json', 'plan.md'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^\.partnerlintrc\.json: rules\.margin-range: .+$/m);
  assert.match(run.stderr, /^\.partnerlintrc\.json: rules\.margn-range: unknown rule id "margn-range"; did you mean "margin-range"\?$/m);
  assert.match(run.stderr, /^\.partnerlintrc\.json: detection\.mode: .+$/m);
  // Still linted, with the default severity for the broken entry.
  const [entry] = parseJsonOutput(run);
  const margin = entry.findings.find((f) => f.ruleId === 'margin-range');
  assert.ok(margin, 'margin-range still runs with its defaults');
  assert.equal(margin.severity, 'warning');
});

test('a config that is not JSON names the file and exits 2', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  write(dir, '.partnerlintrc.json', '{ "rules": { ');
  const run = await runCli(['plan.md'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^\.partnerlintrc\.json: not valid JSON/m);
  assert.match(run.stdout, /margin-range/, 'linted with the defaults');
});

test('the nearest config applies to each file', async (t) => {
  const dir = tempDir(t);
  write(dir, 'strict/plan.md', RESELLER_PLAN);
  write(dir, 'strict/.partnerlintrc.json', JSON.stringify({ rules: { 'margin-range': 'error' } }));
  write(dir, 'loose/plan.md', RESELLER_PLAN);
  write(dir, 'loose/.partnerlintrc.yaml', 'rules:\n  margin-range: "off"\n');
  const run = await runCli(['--format', 'json'], { cwd: dir });
  assert.equal(run.code, 1, run.stderr);
  const byFile = new Map(parseJsonOutput(run).map((e) => [e.file, e]));
  assert.ok(!ruleIds(byFile.get('loose/plan.md')!).includes('margin-range'));
  const strict = byFile.get('strict/plan.md')!.findings.find((f) => f.ruleId === 'margin-range');
  assert.equal(strict?.severity, 'error');
});

test('--config overrides the nearest config', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  write(dir, '.partnerlintrc.json', JSON.stringify({ rules: { 'margin-range': 'error' } }));
  write(dir, 'ci/partnerlint.yaml', 'rules:\n  margin-range: "off"\n');
  const nearest = await runCli(['--format', 'json', 'plan.md'], { cwd: dir });
  assert.equal(nearest.code, 1);
  const explicit = await runCli(['--format', 'json', '--config', 'ci/partnerlint.yaml', 'plan.md'], { cwd: dir });
  assert.equal(explicit.stderr, '');
  assert.ok(!ruleIds(parseJsonOutput(explicit)[0]).includes('margin-range'));
  assert.notEqual(explicit.code, 2);
});

test('--config with a missing file is an error naming it', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const run = await runCli(['--config', 'nowhere.json', 'plan.md'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /nowhere\.json: does not exist/);
});

test('--init writes a starter config that loads cleanly, and refuses to overwrite', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const first = await runCli(['--init'], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  const file = path.join(dir, '.partnerlintrc.json');
  const written = fs.readFileSync(file, 'utf8');
  const config = JSON.parse(written) as { rules: Record<string, string> };
  assert.ok(Object.keys(config.rules).includes('margin-range'));

  const lintRun = await runCli(['--format', 'json', 'plan.md'], { cwd: dir });
  assert.equal(lintRun.stderr, '', 'the starter config has no problems');
  assert.notEqual(lintRun.code, 2);

  fs.writeFileSync(file, written.replace('"margin-range": "warning"', '"margin-range": "error"'));
  const again = await runCli(['--init'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /\.partnerlintrc\.json already exists/);
  assert.match(fs.readFileSync(file, 'utf8'), /"margin-range": "error"/, 'not overwritten');
});

test('--init refuses when a YAML config is there', async (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintrc.yaml', 'rules: {}\n');
  const run = await runCli(['--init'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /\.partnerlintrc\.yaml already exists/);
  assert.equal(fs.existsSync(path.join(dir, '.partnerlintrc.json')), false);
});

test('--detect decides which documents are plans', async (t) => {
  const dir = tempDir(t);
  const noFrontMatter = RESELLER_PLAN.replace(/^---[\s\S]*?---\n/, '');
  write(dir, 'plan.md', noFrontMatter);
  write(dir, 'README.md', README_TEXT);
  const isPlan = async (mode: string) => {
    const run = await runCli(['--format', 'json', '--detect', mode], { cwd: dir });
    assert.notEqual(run.code, 2, run.stderr);
    return Object.fromEntries(parseJsonOutput(run).map((e) => [e.file, e.isPlan]));
  };
  assert.deepEqual(await isPlan('auto'), { 'README.md': false, 'plan.md': true });
  assert.deepEqual(await isPlan('frontmatter'), { 'README.md': false, 'plan.md': false });
  assert.deepEqual((await isPlan('always'))['README.md'], true);
});
