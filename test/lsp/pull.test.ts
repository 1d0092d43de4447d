import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  DocumentDiagnosticRequest,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node.js';
import { ruleDocsUrl } from '../../lib/index.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN, engineResult } from './fixtures.js';

test('a client with pull support gets textDocument/diagnostic instead of pushed diagnostics', async (t) => {
  const client = await LspClient.start({ pull: true, settings: { debounceMs: 50 } });
  t.after(() => client.dispose());
  assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
    identifier: 'partnerlint',
    interFileDependencies: false,
    workspaceDiagnostics: false,
  });
  const { file, uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);

  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  const full = report as FullDocumentDiagnosticReport;
  const expected = engineResult(RESELLER_PLAN, file);
  assert.deepEqual(full.items.map((d) => d.code), expected.findings.map((f) => f.ruleId));
  assert.ok(full.items.every((d) => d.codeDescription?.href === ruleDocsUrl(String(d.code))));
  assert.ok(full.resultId);

  const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: full.resultId,
  });
  assert.deepEqual(again, { kind: 'unchanged', resultId: full.resultId });

  // After an edit the report is for the new text.
  const line = RESELLER_PLAN.split('\n').findIndex((l) => l.includes('keep a 32% margin'));
  const start = RESELLER_PLAN.split('\n')[line].indexOf('32%');
  const edited = await client.edit(uri, 2, [{ range: { start: { line, character: start }, end: { line, character: start + 2 } }, newText: '22' }]);
  const afterEdit = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: full.resultId,
  })) as FullDocumentDiagnosticReport;
  assert.equal(afterEdit.kind, 'full');
  assert.notEqual(afterEdit.resultId, full.resultId);
  assert.deepEqual(afterEdit.items.map((d) => d.code), engineResult(edited, file).findings.map((f) => f.ruleId));
  assert.ok(!afterEdit.items.some((d) => d.code === 'margin-range'), 'a 22% reseller margin is in band');

  // Nothing was pushed for the document.
  assert.ok(!client.allDiagnostics.some((p) => p.uri === uri));
});

test('pull requests for unknown documents return an empty report', async (t) => {
  const client = await LspClient.start({ pull: true });
  t.after(() => client.dispose());
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.md' } });
  assert.deepEqual(report, { kind: 'full', items: [] });
});

test('a cancelled pull request is answered with RequestCancelled, not a stale report', async (t) => {
  const client = await LspClient.start({ pull: true, settings: { debounceMs: 200 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.edit(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: 'x' }]);
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
  source.cancel();
  await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);

  // A request that is not cancelled still gets the report for the current version.
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
});

test('pull with run "onSave": reports stay on the last saved analysis until the next save', async (t) => {
  const client = await LspClient.start({ pull: true, settings: { run: 'onSave' } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const opened = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.ok(opened.items.some((d) => d.code === 'margin-range'));

  const line = RESELLER_PLAN.split('\n').findIndex((l) => l.includes('keep a 32% margin'));
  const start = RESELLER_PLAN.split('\n')[line].indexOf('32%');
  await client.edit(uri, 2, [{ range: { start: { line, character: start }, end: { line, character: start + 2 } }, newText: '22' }]);
  const typing = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: opened.resultId,
  });
  assert.deepEqual(typing, { kind: 'unchanged', resultId: opened.resultId });

  await client.save(uri);
  const saved = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: opened.resultId,
  })) as FullDocumentDiagnosticReport;
  assert.equal(saved.kind, 'full');
  assert.ok(!saved.items.some((d) => d.code === 'margin-range'), 'the saved text is analysed');
});
