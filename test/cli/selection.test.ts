/** What a folder walk lints: .gitignore, the config's `ignores`, .partnerlintignore, node_modules; explicit files are linted anyway. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonOutput, REPO_ROOT, RESELLER_PLAN, runCli, tempDir, write } from './helpers.js';

/**
 * A repository with a plan in each place the selection judges. Linted: plan.md,
 * keep.draft.md, src/plan.md, team/plan.md, team/deep/keep.draft.md. The rest is left out
 * by .gitignore (build/, *.draft.md), the nested team/.gitignore (scratch.md),
 * the config's ignores (archive/**, **\/*.wip.md), .partnerlintignore (vendor-docs/,
 * legacy.md) or always (node_modules/).
 */
function repository(dir: string): void {
  fs.mkdirSync(path.join(dir, '.git'));
  write(dir, '.git/notes.md', RESELLER_PLAN);
  write(dir, '.gitignore', 'build/\n*.draft.md\n!keep.draft.md\n');
  write(dir, 'team/.gitignore', 'scratch.md\n');
  write(dir, '.partnerlintrc.json', JSON.stringify({ ignores: ['archive/**', '**/*.wip.md'] }));
  write(dir, '.partnerlintignore', '# vendored pages\nvendor-docs/\nlegacy.md\n');
  const plans = [
    'plan.md',
    'keep.draft.md',
    'plan.draft.md',
    'build/plan.md',
    'src/plan.md',
    'src/build/plan.md',
    'team/plan.md',
    'team/scratch.md',
    'team/deep/keep.draft.md',
    'team/deep/other.draft.md',
    'archive/2023.md',
    'archive/old/2022.md',
    'team/q3.wip.md',
    'vendor-docs/guide.md',
    'team/legacy.md',
    'node_modules/x.md',
    'node_modules/pkg/README.md',
  ];
  for (const [i, file] of plans.entries()) write(dir, file, RESELLER_PLAN.replace('Acme Sync', `Acme Sync ${i}`));
}

const LINTED = ['keep.draft.md', 'plan.md', 'src/plan.md', 'team/deep/keep.draft.md', 'team/plan.md'];

test('a folder walk lints what .gitignore, the config ignores, .partnerlintignore and node_modules leave', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  const run = await runCli(['--format', 'json', dir], { cwd: dir });
  assert.equal(run.stderr, '');
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file).sort(), LINTED);
  // The same from the folder itself, and with no path at all.
  const bare = await runCli(['--format', 'json'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(bare).map((e) => e.file).sort(), LINTED);
});

test('a walk of a subfolder applies the ignore files and the config above it', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  const run = await runCli(['--format', 'json', 'team'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file).sort(), ['team/deep/keep.draft.md', 'team/plan.md']);
});

test('globs are walked with the same selection', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  const run = await runCli(['--format', 'json', '**/*.md'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file).sort(), LINTED);
});

test('files named on the command line are linted even when ignored', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  const named = ['build/plan.md', 'plan.draft.md', 'archive/2023.md', 'vendor-docs/guide.md', 'node_modules/x.md'];
  const run = await runCli(['--format', 'json', ...named], { cwd: dir });
  assert.equal(run.stderr, '');
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file), named);
  assert.ok(parseJsonOutput(run).every((e) => e.isPlan && e.findings.length > 0));
});

test('a folder or glob whose markdown files are all ignored says so on stderr, without failing', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  const folder = await runCli(['--format', 'json', 'archive'], { cwd: dir });
  assert.equal(folder.code, 0);
  assert.deepEqual(parseJsonOutput(folder), []);
  assert.equal(
    folder.stderr,
    'partnerlint: archive: nothing to lint: its markdown files are ignored (by .gitignore, .partnerlintignore or "ignores" in the config); name files to lint them anyway\n',
  );
  const glob = await runCli(['--format', 'json', 'archive/**/*.md'], { cwd: dir });
  assert.equal(glob.code, 0);
  assert.match(glob.stderr, /^partnerlint: archive\/\*\*\/\*\.md: nothing to lint: the files that match are ignored/);
  // A gitignored folder named on the command line is walked: its own pattern (build/) judges the folder, not what is in it.
  const named = await runCli(['--format', 'json', 'build'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(named).map((e) => e.file), ['build/plan.md']);
});

test('--config: its ignores apply to the walk instead of the nearest config\'s', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  write(dir, 'strict.json', JSON.stringify({ ignores: ['team/**'] }));
  const run = await runCli(['--format', 'json', '--config', 'strict.json'], { cwd: dir });
  assert.equal(run.stderr, '');
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file).sort(), ['archive/2023.md', 'archive/old/2022.md', 'keep.draft.md', 'plan.md', 'src/plan.md']);
});

test('an invalid ignores entry is a config problem naming the file and key (exit 2); the valid globs still apply', async (t) => {
  const dir = tempDir(t);
  repository(dir);
  write(dir, '.partnerlintrc.json', JSON.stringify({ ignores: ['archive/**', '!keep.md', '**/*.wip.md'] }));
  const run = await runCli(['--format', 'json'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.equal(
    run.stderr,
    '.partnerlintrc.json: ignores[1]: "!keep.md": "!" patterns are not supported in ignores; put "!keep.md" in a .partnerlintignore file instead\n',
  );
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file).sort(), LINTED);
  write(dir, '.partnerlintrc.json', JSON.stringify({ ignores: 'archive/**' }));
  const notArray = await runCli(['--format', 'json'], { cwd: dir });
  assert.equal(notArray.code, 2);
  assert.equal(notArray.stderr, '.partnerlintrc.json: ignores: expected an array of globs, e.g. ["docs/**"]\n');
});

test('at the root of this repository: nothing under docs/, test/ or node_modules/ is linted, and the README is not a plan', async () => {
  const run = await runCli(['--format', 'json', '.'], { cwd: REPO_ROOT });
  const entries = parseJsonOutput(run);
  const files = entries.map((e) => e.file);
  assert.deepEqual(files.filter((f) => /^(docs|test|node_modules|out|dist)\//.test(f)), []);
  const readme = entries.find((e) => e.file === 'README.md');
  assert.ok(readme, `README.md is linted: ${files.join(', ')}`);
  assert.equal(readme.isPlan, false);
  assert.deepEqual(readme.findings, []);
  // The bundled examples are still linted.
  assert.ok(files.some((f) => f.startsWith('examples/')), files.join(', '));
});

test("a folder walk skips Partnerlint's own rule documentation; a page named explicitly is linted", async () => {
  const walked = await runCli(['--format', 'json', 'docs'], { cwd: REPO_ROOT });
  assert.deepEqual(parseJsonOutput(walked), []);
  const named = await runCli(['--format', 'json', 'docs/rules/margin-range.md'], { cwd: REPO_ROOT });
  assert.deepEqual(parseJsonOutput(named).map((e) => e.file), ['docs/rules/margin-range.md']);
});
