import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, codes, tempDir, textAt, writePlan } from './harness.js';
import { RESELLER_PLAN, engineResult } from './fixtures.js';

test('settings are read per document and a configuration change re-lints open plans', async (t) => {
  const client = await LspClient.start({ settings: {} });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.ok(first.diagnostics.some((d) => d.code === 'margin-range' && d.severity === 2));
  assert.ok(
    client.configurationRequests.some((r) => JSON.stringify(r).includes(`"scopeUri":"${uri}"`)),
    'settings requested for the document itself',
  );

  let mark = client.mark();
  await client.changeConfiguration({ rules: { 'margin-range': 'off' } });
  const off = await client.waitForDiagnostics(uri, () => true, { since: mark });
  assert.ok(!off.diagnostics.some((d) => d.code === 'margin-range'), `margin-range off (got ${codes(off).join(', ')})`);
  assert.ok(off.diagnostics.some((d) => d.code === 'deal-reg-sla'), 'other rules unchanged');

  mark = client.mark();
  await client.changeConfiguration({ rules: { 'margin-range': 'error' } });
  const error = await client.waitForDiagnostics(uri, () => true, { since: mark });
  assert.ok(error.diagnostics.some((d) => d.code === 'margin-range' && d.severity === 1), 'margin-range now an error');

  mark = client.mark();
  await client.changeConfiguration({ enable: false });
  const disabled = await client.waitForDiagnostics(uri, () => true, { since: mark });
  assert.deepEqual(disabled.diagnostics, []);
});

test('editor rule settings are laid over the nearest .partnerlintrc file', async (t) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.partnerlintrc.json'), JSON.stringify({ rules: { 'deal-reg-sla': 'error' } }));
  const { uri } = writePlan(dir, 'plans/plan.md', RESELLER_PLAN);
  const client = await LspClient.start({ settings: { rules: { 'margin-range': 'info' } } });
  t.after(() => client.dispose());
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.ok(published.diagnostics.some((d) => d.code === 'deal-reg-sla' && d.severity === 1), 'from the config file');
  assert.ok(published.diagnostics.some((d) => d.code === 'margin-range' && d.severity === 3), 'from the editor settings');
});

test('a broken config file gets diagnostics on itself and the defaults are used; fixing it re-lints', async (t) => {
  const dir = tempDir();
  const configFile = path.join(dir, '.partnerlintrc.json');
  const configUri = pathToFileURL(configFile).href;
  fs.writeFileSync(configFile, '{\n  "rules": {\n    "margin-range": "loud",\n    "deal-reg-sla": "off"\n  }\n}\n');
  const { file, uri } = writePlan(dir, 'plan.md', RESELLER_PLAN);
  const client = await LspClient.start();
  t.after(() => client.dispose());
  await client.open(uri, RESELLER_PLAN);

  const problems = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
  for (const problem of problems.diagnostics) {
    assert.equal(problem.source, 'partnerlint');
    assert.equal(problem.severity, 1);
    assert.match(problem.message, /^rules\.margin-range: /);
    assert.equal(problem.range.start.line, 2, 'on the offending key');
    assert.equal(textAt(fs.readFileSync(configFile, 'utf8'), problem.range), '"margin-range": "loud",');
  }

  const plan = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const defaults = engineResult(RESELLER_PLAN, file);
  assert.ok(plan.diagnostics.some((d) => d.code === 'margin-range' && d.severity === 2), 'the invalid entry falls back to its default');
  assert.ok(!plan.diagnostics.some((d) => d.code === 'deal-reg-sla'), 'the valid part of the file still applies');
  assert.ok(defaults.findings.some((f) => f.ruleId === 'deal-reg-sla'));

  // The file is fixed on disk; the editor reports the change.
  const mark = client.mark();
  fs.writeFileSync(configFile, JSON.stringify({ rules: { 'margin-range': 'off' } }));
  await client.watchedFileChanged(configFile, 2);
  const cleared = await client.waitForDiagnostics(configUri, () => true, { since: mark });
  assert.deepEqual(cleared.diagnostics, []);
  const relinted = await client.waitForDiagnostics(uri, () => true, { since: mark });
  assert.ok(!relinted.diagnostics.some((d) => d.code === 'margin-range'));
  assert.ok(relinted.diagnostics.some((d) => d.code === 'deal-reg-sla'));
});

test('the server asks to watch config files', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  // Registration happens after `initialized`; a round trip later it has arrived.
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
  assert.ok(client.registrations.includes('workspace/didChangeConfiguration'));
});

test('run "onSave" lints on open and save, not while typing', async (t) => {
  const client = await LspClient.start({ settings: { run: 'onSave', debounceMs: 0 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const mark = client.mark();
  await client.edit(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '\n' }]);
  await client.edit(uri, 3, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '\n' }]);
  await client.save(uri);
  await client.waitForDiagnostics(uri, (p) => p.version === 3, { since: mark });
  // A request round trip after the save: any typing-time publication would have come by now.
  await client.request('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(
    client.allDiagnostics.slice(mark).filter((p) => p.uri === uri).map((p) => p.version),
    [3],
  );
});

test('detection settings: a path glob makes a document a plan', async (t) => {
  const dir = tempDir();
  const notes = `# Q3 notes\n\nWe want to work with a few agencies next year. Nothing decided yet.\n`;
  const { uri } = writePlan(dir, 'plans/notes.md', notes);
  const client = await LspClient.start({ workspaceFolders: [dir], settings: {} });
  t.after(() => client.dispose());
  await client.open(uri, notes);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), [], 'not a plan by content');

  const mark = client.mark();
  await client.changeConfiguration({ detection: { include: ['plans/**'] } });
  await client.waitForDiagnostics(uri, () => true, { since: mark });
  const lenses = await client.request<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri } });
  assert.match(lenses[0]?.command?.title ?? '', /^Readiness \d+\/100/);
});

test("the editor's default settings do not override the config file's detection", async (t) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.partnerlintrc.yaml'), 'detection:\n  mode: always\n');
  const notes = `# Q3 notes\n\nWe want to work with a few agencies next year. Nothing decided yet.\n`;
  const { uri } = writePlan(dir, 'notes.md', notes);
  // What VS Code answers when the user changed nothing: every default, spelled out.
  const vscodeDefaults = {
    enable: true,
    run: 'onType',
    detection: { mode: 'auto', include: [], exclude: [] },
    rules: {},
    maxFileSize: 5242880,
    timeout: 20,
    debounceMs: 150,
  };
  const client = await LspClient.start({ workspaceFolders: [dir], settings: vscodeDefaults });
  t.after(() => client.dispose());
  await client.open(uri, notes);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const lenses = await client.request<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri } });
  assert.match(lenses[0]?.command?.title ?? '', /^Readiness \d+\/100/, 'detection mode "always" from the config file applies');
});
