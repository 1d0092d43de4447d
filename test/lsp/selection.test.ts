/** "Lint Workspace" selects files with the same rule as the CLI's folder walk (core/selection.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';
import { parseJsonOutput, runCli } from '../cli/helpers.js';

test('partnerlint.lintWorkspace skips what .gitignore, the config ignores and .partnerlintignore leave out, as the CLI does', async (t) => {
  const dir = fs.realpathSync(tempDir());
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, '.git'));
  writePlan(dir, '.gitignore', 'build/\n*.draft.md\n!keep.draft.md\n');
  writePlan(dir, 'team/.gitignore', 'scratch.md\n');
  writePlan(dir, '.partnerlintrc.json', JSON.stringify({ ignores: ['archive/**'] }));
  writePlan(dir, '.partnerlintignore', 'vendor-docs/\n');
  const all = [
    'plan.md', 'keep.draft.md', 'plan.draft.md', 'build/plan.md', 'team/plan.md', 'team/scratch.md', 'archive/2023.md',
    'vendor-docs/guide.md', 'node_modules/x.md', '.github/PULL_REQUEST_TEMPLATE.md', 'dist/notes.md',
  ];
  for (const file of all) writePlan(dir, file, RESELLER_PLAN);
  const expected = ['.github/PULL_REQUEST_TEMPLATE.md', 'dist/notes.md', 'keep.draft.md', 'plan.md', 'team/plan.md'];

  const client = await LspClient.start({ workspaceFolders: [dir] });
  t.after(() => client.dispose());
  const summary = await client.request<{ files: number; plans: number; findings: number; cancelled: boolean }>('workspace/executeCommand', {
    command: 'partnerlint.lintWorkspace',
    arguments: [],
  });
  assert.equal(summary.files, expected.length);
  assert.equal(summary.plans, expected.length);
  for (const file of expected) await client.waitForDiagnostics(pathToFileURL(path.join(dir, file)).href);
  const published = [...new Set(client.allDiagnostics.map((p) => p.uri))]
    .filter((uri) => uri.endsWith('.md'))
    .map((uri) => path.relative(dir, new URL(uri).pathname).split(path.sep).join('/'))
    .sort();
  assert.deepEqual(published, expected);

  // The CLI's folder walk selects the same files.
  const cli = await runCli(['--format', 'json', '.'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(cli).map((e) => e.file).sort(), expected);
});
