import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { fileURLToPath } from 'node:url';
import { applyFixes } from '../../lib/index.js';
import { LspClient, applyWorkspaceEdit, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN, engineResult } from './fixtures.js';

const FIX_ALL = 'source.fixAll.partnerlint';

test('source.fixAll.partnerlint applies every safe fix with minimal edits, and the result lints clean of them', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { file, uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const result = engineResult(RESELLER_PLAN, file);
  const expected = applyFixes(RESELLER_PLAN, result.findings);
  assert.ok(expected.applied.length > 0, 'the fixture has safe fixes');

  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: published.diagnostics, only: [FIX_ALL] },
  });
  assert.equal(actions.length, 1);
  const [fixAll] = actions;
  assert.equal(fixAll.kind, FIX_ALL);
  assert.ok(fixAll.edit?.documentChanges, 'versioned edit');
  const change = fixAll.edit.documentChanges[0] as { textDocument: { version: number }; edits: Array<{ newText: string }> };
  assert.equal(change.textDocument.version, 1);
  assert.ok(change.edits.every((e) => e.newText.length < RESELLER_PLAN.length / 2), 'minimal edits, not the whole document');
  const fixed = applyWorkspaceEdit(RESELLER_PLAN, uri, fixAll.edit);
  assert.equal(fixed, expected.text);

  await client.change(uri, 2, fixed);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  for (const applied of expected.applied) {
    const before = result.findings.filter((f) => f.ruleId === applied.ruleId).length;
    const now = after.diagnostics.filter((d) => d.code === applied.ruleId).length;
    assert.ok(now < before, `${applied.ruleId}: ${before} -> ${now}`);
  }
});

test('fix-all is refused when the document changed since the diagnostics were computed', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const v1 = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const withSla = v1.diagnostics.find((d) => d.code === 'deal-reg-sla') as Diagnostic;
  assert.ok(withSla);

  const edited = await client.edit(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '\n' }]);

  // The client still holds the version-1 diagnostics: no fix-all, no stale quick fixes.
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: withSla.range,
    context: { diagnostics: v1.diagnostics, only: [FIX_ALL] },
  });
  assert.deepEqual(actions, []);
  const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: withSla.range,
    context: { diagnostics: [withSla] },
  });
  const fixTitles = (withSla.data as { fixes: Array<{ title: string }> }).fixes.map((f) => f.title);
  assert.ok(!quick.some((a) => fixTitles.includes(a.title)), 'fix edits computed for version 1 are not offered on version 2');

  const refused = await client.request<{ applied: boolean; fixes: number; reason?: string }>('workspace/executeCommand', {
    command: 'partnerlint.fixAll',
    arguments: [uri, 1],
  });
  assert.equal(refused.applied, false);
  assert.match(refused.reason ?? '', /changed/);
  assert.equal(client.appliedEdits.length, 0);

  const accepted = await client.request<{ applied: boolean; fixes: number }>('workspace/executeCommand', {
    command: 'partnerlint.fixAll',
    arguments: [uri, 2],
  });
  const expected = applyFixes(edited, engineResult(edited, fileURLToPath(uri)).findings);
  assert.deepEqual(accepted, { applied: true, fixes: expected.applied.length });
  assert.equal(client.appliedEdits.length, 1);
  assert.equal(applyWorkspaceEdit(edited, uri, client.appliedEdits[0]), expected.text);
});
