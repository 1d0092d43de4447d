/**
 * Programs that span documents in the editor: linked pages are read from open
 * documents first, else from disk in the workspace; a change to a linked page
 * lints the open documents that link to it again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeLens, DocumentDiagnosticReport, FullDocumentDiagnosticReport, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { DEAL_REG_RULES, DEAL_REGISTRATION, MDF, OVERVIEW, REFERRAL_GUIDE, UNRELATED_NOTE } from '../handbook.js';
import { LspClient, codes, tempDir, writePlan } from './harness.js';

function handbook() {
  const dir = tempDir('partnerlint-links-');
  return {
    dir,
    overview: writePlan(dir, 'overview.md', OVERVIEW),
    dealRegistration: writePlan(dir, 'deal-registration.md', DEAL_REGISTRATION),
    mdf: writePlan(dir, 'mdf.md', MDF),
    referrals: writePlan(dir, 'referrals.md', REFERRAL_GUIDE),
  };
}

const hasDealReg = (p: PublishDiagnosticsParams) => codes(p).some((c) => DEAL_REG_RULES.includes(c));

test('editing an open linked page lints the documents that link to it again, without touching them', async (t) => {
  const h = handbook();
  const client = await LspClient.start({ workspaceFolders: [h.dir], settings: { debounceMs: 20 } });
  t.after(() => client.dispose());
  await client.open(h.dealRegistration.uri, DEAL_REGISTRATION);
  await client.open(h.overview.uri, OVERVIEW);
  await client.open(h.referrals.uri, REFERRAL_GUIDE);

  const overview = await client.waitForDiagnostics(h.overview.uri, (p) => p.version === 1);
  assert.ok(!hasDealReg(overview), `deal registration is covered by the linked page: ${codes(overview).join(', ')}`);
  assert.ok(!codes(overview).includes('mdf-claims'), 'mdf.md is read from disk (not open)');
  assert.ok(codes(overview).includes('pricing-protection'), 'pricing.md does not exist');
  const referrals = await client.waitForDiagnostics(h.referrals.uri, (p) => p.version === 1);
  assert.ok(!codes(referrals).includes('deal-reg-missing'), codes(referrals).join(', '));

  // The deal-registration page (open, not saved) no longer covers deal registration.
  const mark = client.mark();
  await client.change(h.dealRegistration.uri, 2, UNRELATED_NOTE);
  const overviewAfter = await client.waitForDiagnostics(h.overview.uri, hasDealReg, { since: mark });
  assert.equal(overviewAfter.version, 1, 'the overview itself did not change');
  assert.equal(client.version(h.overview.uri), 1);
  const referralsAfter = await client.waitForDiagnostics(h.referrals.uri, (p) => codes(p).includes('deal-reg-missing'), { since: mark });
  assert.equal(referralsAfter.version, 1);
  assert.ok(!codes(overviewAfter).includes('mdf-claims'), 'the MDF page still covers MDF');

  // Closed, the page is read from disk again, where it still covers deal registration.
  const closing = client.mark();
  await client.close(h.dealRegistration.uri);
  const overviewClosed = await client.waitForDiagnostics(h.overview.uri, (p) => !hasDealReg(p), { since: closing });
  assert.ok(codes(overviewClosed).includes('pricing-protection'));
});

test('a linked page that changes on disk (a watched file) lints its linkers again', async (t) => {
  const h = handbook();
  const client = await LspClient.start({ workspaceFolders: [h.dir], settings: { debounceMs: 20 } });
  t.after(() => client.dispose());
  await client.open(h.overview.uri, OVERVIEW);
  const before = await client.waitForDiagnostics(h.overview.uri);
  assert.ok(!codes(before).includes('mdf-claims'), codes(before).join(', '));

  const mark = client.mark();
  fs.writeFileSync(h.mdf.file, UNRELATED_NOTE);
  await client.watchedFileChanged(h.mdf.file, 2);
  const after = await client.waitForDiagnostics(h.overview.uri, (p) => codes(p).includes('mdf-claims'), { since: mark });
  assert.equal(after.version, 1);

  const removed = client.mark();
  fs.rmSync(h.dealRegistration.file);
  await client.watchedFileChanged(h.dealRegistration.file, 3);
  await client.waitForDiagnostics(h.overview.uri, hasDealReg, { since: removed });
});

test('a link to a page outside the workspace covers nothing', async (t) => {
  const h = handbook();
  const elsewhere = tempDir('partnerlint-links-outside-');
  const client = await LspClient.start({ workspaceFolders: [elsewhere], settings: { debounceMs: 20 } });
  t.after(() => client.dispose());
  await client.open(h.overview.uri, OVERVIEW);
  const diagnostics = await client.waitForDiagnostics(h.overview.uri);
  assert.ok(hasDealReg(diagnostics), codes(diagnostics).join(', '));
});

test('CodeLens and hover say where a topic is covered; the lens opens the linked page', async (t) => {
  const h = handbook();
  const client = await LspClient.start({ workspaceFolders: [h.dir] });
  t.after(() => client.dispose());
  await client.open(h.overview.uri, OVERVIEW);
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.overview.uri } });
  const line = OVERVIEW.split('\n').findIndex((l) => l.includes('(deal-registration.md)'));
  const lens = lenses.find((l) => l.command?.title === 'Deal registration · covered in deal-registration.md');
  assert.ok(lens, lenses.map((l) => l.command?.title).join('\n'));
  assert.equal(lens.range.start.line, line);
  assert.equal(lens.command?.command, 'partnerlint.openLinkedDocument');
  assert.deepEqual(lens.command?.arguments, [h.dealRegistration.uri]);
  assert.ok(lenses.some((l) => l.command?.title === 'MDF · covered in mdf.md'));
  assert.ok(!lenses.some((l) => l.command?.title.includes('pricing.md')));

  const opened = await client.request<{ uri: string; shown: boolean }>('workspace/executeCommand', {
    command: lens.command.command,
    arguments: lens.command.arguments,
  });
  assert.deepEqual(opened, { uri: h.dealRegistration.uri, shown: true });
  assert.deepEqual(client.shownDocuments, [h.dealRegistration.uri]);

  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: h.overview.uri }, position: { line, character: 4 } });
  assert.match((hover?.contents as MarkupContent).value, /\*\*Deal registration\*\* · covered in \[deal-registration\.md\]\(file:/);
});

test('without showDocument, the covered-topic lens runs the readiness command', async (t) => {
  const h = handbook();
  const client = await LspClient.start({ workspaceFolders: [h.dir], showDocument: false });
  t.after(() => client.dispose());
  await client.open(h.overview.uri, OVERVIEW);
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.overview.uri } });
  const lens = lenses.find((l) => l.command?.title === 'Deal registration · covered in deal-registration.md');
  assert.equal(lens?.command?.command, 'partnerlint.readinessReport');
  assert.deepEqual(lens?.command?.arguments, [h.overview.uri, 'dealRegistration']);
});

test('pull diagnostics: a change to a linked page gives the linking document a new report', async (t) => {
  const h = handbook();
  const client = await LspClient.start({ pull: true, workspaceFolders: [h.dir], settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  await client.open(h.dealRegistration.uri, DEAL_REGISTRATION);
  await client.open(h.referrals.uri, REFERRAL_GUIDE);
  const pull = (previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: h.referrals.uri }, previousResultId });
  const first = (await pull()) as FullDocumentDiagnosticReport;
  assert.ok(!first.items.some((d) => d.code === 'deal-reg-missing'));
  await client.change(h.dealRegistration.uri, 2, UNRELATED_NOTE);
  // A new analysis of the unchanged document (its result id telling the two apart is the server's pull logic).
  const second = await pull();
  assert.equal(second.kind, 'full');
  assert.ok((second as FullDocumentDiagnosticReport).items.some((d) => d.code === 'deal-reg-missing'));
});
