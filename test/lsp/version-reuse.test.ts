/**
 * A client may send a change whose version is not higher than the last one
 * (the same number, or a lower one) with another text. The server must treat
 * it as a new text: diagnostics, fix-all (command and code action) and quick
 * fixes are for that text, never for an analysis of the text before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node.js';
import { applyFixes, lint } from '../../lib/index.js';
import { LspClient, applyWorkspaceEdit, codes, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

const FIX_ALL = 'source.fixAll.partnerlint';

/** The plan without its exit criteria: fix-all inserts that section (and a registration SLA). */
const WITH_TIERS = RESELLER_PLAN.slice(0, RESELLER_PLAN.indexOf('## Exit criteria'));
/** The same without the tiers table: its fix-all edits fall inside the table in WITH_TIERS. */
const WITHOUT_TIERS = WITH_TIERS.replace(/## Partner tiers[\s\S]*?## Enablement/, '## Enablement');

/** The text fix-all must produce for `text`. */
function fixedText(text: string, file: string): string {
  return applyFixes(text, lint(text, { filePath: file }).findings).text;
}

/** `before`'s fix-all edits applied to `after`: what a stale analysis would do. */
function staleFix(before: string, after: string, file: string): string {
  const { edits } = applyFixes(before, lint(before, { filePath: file }).findings);
  let text = after;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

test('the fixtures tell a stale analysis from a fresh one', () => {
  const file = '/plans/plan.md';
  assert.ok(lint(WITHOUT_TIERS, { filePath: file }).findings.some((f) => f.ruleId === 'tiers-missing'));
  assert.ok(!lint(WITH_TIERS, { filePath: file }).findings.some((f) => f.ruleId === 'tiers-missing'));
  assert.notEqual(staleFix(WITHOUT_TIERS, WITH_TIERS, file), fixedText(WITH_TIERS, file), 'the old edits land elsewhere in the new text');
});

for (const [what, first, second] of [
  ['the same version', 7, 7],
  ['a lower version', 7, 3],
] as const) {
  test(`a change with ${what} and another text: diagnostics and fix-all are for the new text`, async (t) => {
    const client = await LspClient.start({ settings: { debounceMs: 20 } });
    t.after(() => client.dispose());
    const { file, uri } = writePlan(tempDir(), 'plan.md', WITHOUT_TIERS);
    await client.open(uri, WITHOUT_TIERS, first);
    const before = await client.waitForDiagnostics(uri, (p) => p.version === first);
    assert.ok(codes(before).includes('tiers-missing'));

    const mark = client.mark();
    await client.change(uri, second, WITH_TIERS);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === second, { since: mark });
    const expected = lint(WITH_TIERS, { filePath: file }).findings;
    assert.deepEqual(codes(after), expected.map((f) => f.ruleId).sort(), 'the diagnostics are those of the new text');
    assert.ok(!codes(after).includes('tiers-missing'));

    // A quick fix asked with the old diagnostic (same place, same message): its edit is the new text's.
    const staleExit = before.diagnostics.find((d) => d.code === 'exit-criteria') as Diagnostic;
    assert.ok(staleExit);
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: staleExit.range,
      context: { diagnostics: [staleExit] },
    });
    const insertExit = quick.filter((a) => a.title.startsWith('Insert') && a.title.includes('Exit criteria') && a.edit);
    // With the same version the client cannot tell the texts apart, so the fix is offered (for the new text);
    // with another version the diagnostic is known to be old.
    assert.equal(insertExit.length > 0, first === second, 'the fix is offered only for a diagnostic of this version');
    const exitOnly = applyFixes(WITH_TIERS, expected.filter((f) => f.ruleId === 'exit-criteria')).text;
    for (const action of insertExit) assert.equal(applyWorkspaceEdit(WITH_TIERS, uri, action.edit!), exitOnly, action.title);

    // The fix-all code action, with the current diagnostics.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: after.diagnostics, only: [FIX_ALL] },
    });
    assert.equal(actions.length, 1);
    assert.equal(applyWorkspaceEdit(WITH_TIERS, uri, actions[0].edit!), fixedText(WITH_TIERS, file));

    // The fix-all command, with the version the client holds.
    const result = await client.request<{ applied: boolean; fixes: number; reason?: string }>('workspace/executeCommand', {
      command: 'partnerlint.fixAll',
      arguments: [uri, second],
    });
    assert.equal(result.applied, true, result.reason);
    assert.equal(client.text(uri), fixedText(WITH_TIERS, file), 'fix-all edited the new text, not the old one');
  });
}

test('pull diagnostics: a change that repeats the version gets a full report for the new text', async (t) => {
  const client = await LspClient.start({ pull: true, settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const { file, uri } = writePlan(tempDir(), 'plan.md', WITHOUT_TIERS);
  await client.open(uri, WITHOUT_TIERS, 4);
  const first = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.ok(first.items.some((d) => d.code === 'tiers-missing'));

  await client.change(uri, 4, WITH_TIERS);
  const second = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: first.resultId,
  });
  assert.equal(second.kind, 'full', 'not "unchanged": the text is another');
  assert.deepEqual(
    (second as FullDocumentDiagnosticReport).items.map((d) => d.code),
    lint(WITH_TIERS, { filePath: file }).findings.map((f) => f.ruleId),
  );
});
