/**
 * Rule documentation is read, not linted: a rule's page opened in the editor gets no findings,
 * lenses or readiness; a client that shows docs itself (rendered) gets the page's URL with the
 * "Show documentation" action; the readiness report comes as an HTML page with line links.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CodeLens, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node.js';
import { ruleDocsUrl } from '../../lib/index.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

test('a rule documentation page opened in the editor gets no diagnostics and no lenses; a plan beside it does', async (t) => {
  const client = await LspClient.start({ pull: true, settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  for (const ruleId of ['margin-range', 'exit-criteria', 'deal-reg-sla']) {
    const uri = ruleDocsUrl(ruleId);
    const text = fs.readFileSync(fileURLToPath(uri), 'utf8');
    await client.open(uri, text);
    const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.deepEqual(report.items, [], `${ruleId}: no findings on its own page`);
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), [], `${ruleId}: no lenses`);
  }
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const plan = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.ok(plan.items.length > 0, 'the plan is linted');
});

test('a client that shows rule docs itself gets its command, with the page, from "Show documentation"', async (t) => {
  const client = await LspClient.start({ initializationOptions: { ruleDocsCommand: 'editor.showRuleDocsRendered' } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const margin = published.diagnostics.find((d) => d.code === 'margin-range') as Diagnostic;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: margin.range, context: { diagnostics: [margin] } });
  const docs = actions.find((a) => a.title === 'Show documentation for “Partner margins and fees”');
  assert.deepEqual(docs?.command, {
    title: 'Show documentation for “Partner margins and fees”',
    command: 'editor.showRuleDocsRendered',
    arguments: ['margin-range', ruleDocsUrl('margin-range')],
  });
  assert.deepEqual(client.shownDocuments, [], 'the server opens nothing itself');
});

test('partnerlint.readinessReport with format html: the report page, its line references running the client command', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const html = await client.request<string>('workspace/executeCommand', {
    command: 'partnerlint.readinessReport',
    arguments: [uri, { format: 'html', lineCommand: 'partnerlint.revealLine' }],
  });
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<p class="file">plan\.md<\/p>/);
  assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;/);
  assert.doesNotMatch(html, /<script/i);
  const line = RESELLER_PLAN.split('\n').findIndex((l) => l.includes('keep a 32% margin')) + 1;
  const link = `command:partnerlint.revealLine?${encodeURIComponent(JSON.stringify([uri, line]))}`;
  assert.ok(html.includes(`<a href="${link}">line ${line}</a>`), 'the margin finding links to its line');
  // A command name that is not one is not made into a link.
  const plain = await client.request<string>('workspace/executeCommand', {
    command: 'partnerlint.readinessReport',
    arguments: [uri, { format: 'html', lineCommand: 'x"><b>' }],
  });
  assert.doesNotMatch(plain, /href="command:/);
  // Without options, the markdown report as before.
  const markdown = await client.request<string>('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [uri] });
  assert.match(markdown, /^# Readiness report/);
});
