import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { ruleDocsUrl } from '../../lib/index.js';
import { LspClient, applyWorkspaceEdit, codes, tempDir, textAt, writePlan } from './harness.js';
import { README_TEXT, RESELLER_PLAN, engineResult } from './fixtures.js';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

test('an opened plan gets diagnostics with rule codes, documentation links and exact UTF-16 ranges', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { file, uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);

  const expected = engineResult(RESELLER_PLAN, file);
  assert.ok(expected.findings.length > 0, 'the engine reports findings for the fixture');
  assert.equal(published.diagnostics.length, expected.findings.length);
  for (const [i, finding] of expected.findings.entries()) {
    const d = published.diagnostics[i];
    assert.equal(d.code, finding.ruleId);
    assert.equal(d.source, 'partnerlint');
    assert.equal(d.message, finding.message);
    assert.equal(d.severity, SEVERITY[finding.severity]);
    assert.deepEqual(d.codeDescription, { href: ruleDocsUrl(finding.ruleId) });
    assert.deepEqual(d.range, {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
    });
    assert.equal(textAt(RESELLER_PLAN, d.range), RESELLER_PLAN.slice(finding.startOffset, finding.endOffset));
  }

  // The margin sits after an emoji (two UTF-16 code units) on its line.
  const margin = published.diagnostics.find((d) => d.code === 'margin-range');
  assert.ok(margin, `margin-range reported (got ${codes(published).join(', ')})`);
  const line = RESELLER_PLAN.split('\n')[margin.range.start.line];
  assert.ok(line.includes('🚀'), 'the margin line carries the emoji');
  assert.match(textAt(RESELLER_PLAN, margin.range), /32/);
  assert.equal(margin.range.start.character, line.indexOf('32'), 'start column counts UTF-16 code units');
  assert.ok(published.diagnostics.some((d) => d.code === 'deal-reg-sla'), 'deal-reg-sla reported');
});

test("applying a quick fix's edit makes its finding go away", async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const sla = first.diagnostics.find((d) => d.code === 'deal-reg-sla');
  assert.ok(sla, 'deal-reg-sla reported');
  const fixes = (sla.data as { fixes: Array<{ title: string }> }).fixes;
  assert.ok(fixes.length > 0, 'the diagnostic carries its fixes in data');

  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: sla.range,
    context: { diagnostics: [sla] },
  });
  const fix = actions.find((a) => a.title === fixes[0].title);
  assert.ok(fix?.edit, `quick fix "${fixes[0].title}" offered (got ${actions.map((a) => a.title).join(' | ')})`);
  assert.equal(fix.kind, 'quickfix');
  assert.deepEqual(fix.diagnostics, [sla]);
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Disable “Approval turnaround for deal registration” for this line'));
  assert.ok(titles.includes('Disable “Approval turnaround for deal registration” in this file'));
  assert.ok(titles.includes('Show documentation for “Approval turnaround for deal registration”'));

  const fixed = applyWorkspaceEdit(RESELLER_PLAN, uri, fix.edit);
  assert.notEqual(fixed, RESELLER_PLAN);
  await client.change(uri, 2, fixed);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.ok(!after.diagnostics.some((d) => d.code === 'deal-reg-sla'), `deal-reg-sla gone (got ${codes(after).join(', ')})`);
});

test('the disable actions insert inline control comments that silence the rule', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const margin = first.diagnostics.find((d) => d.code === 'margin-range') as Diagnostic;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: margin.range,
    context: { diagnostics: [margin] },
  });

  const forLine = actions.find((a) => a.title === 'Disable “Partner margins and fees” for this line');
  assert.ok(forLine?.edit);
  const lineDisabled = applyWorkspaceEdit(RESELLER_PLAN, uri, forLine.edit);
  assert.ok(lineDisabled.includes('<!-- partnerlint-disable-next-line margin-range -->\nResellers 🚀 keep a 32% margin'));
  await client.change(uri, 2, lineDisabled);
  const v2 = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.ok(!v2.diagnostics.some((d) => d.code === 'margin-range'), 'silenced for the line');

  const inFile = actions.find((a) => a.title === 'Disable “Partner margins and fees” in this file');
  assert.ok(inFile?.edit);
  const fileDisabled = applyWorkspaceEdit(RESELLER_PLAN, uri, inFile.edit);
  assert.ok(fileDisabled.startsWith('---\ntype: partnership-plan\narchetypes: [reseller]\nstage: stabilize\n---\n<!-- partnerlint-disable margin-range -->\n# Northwind'));
  await client.change(uri, 3, fileDisabled);
  const v3 = await client.waitForDiagnostics(uri, (p) => p.version === 3);
  assert.ok(!v3.diagnostics.some((d) => d.code === 'margin-range'), 'silenced in the file');
  assert.ok(v3.diagnostics.some((d) => d.code === 'deal-reg-sla'), 'other rules still report');

  const docs = actions.find((a) => a.title === 'Show documentation for “Partner margins and fees”');
  assert.deepEqual(docs?.command, { title: 'Show documentation for “Partner margins and fees”', command: 'partnerlint.showRuleDocs', arguments: ['margin-range'] });
  const shown = await client.request<{ url: string; shown: boolean }>('workspace/executeCommand', {
    command: 'partnerlint.showRuleDocs',
    arguments: ['margin-range'],
  });
  assert.deepEqual(shown, { url: ruleDocsUrl('margin-range'), shown: true });
  assert.deepEqual(client.shownDocuments, [ruleDocsUrl('margin-range')]);
});

test('fifty rapid edits end with diagnostics for the last version only', async (t) => {
  // A debounce comfortably longer than the gap between two edits, even on a loaded machine.
  const client = await LspClient.start({ settings: { debounceMs: 300 } });
  t.after(() => client.dispose());
  const { file, uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const mark = client.mark();

  // Each edit adds a line above the title, so every version's findings sit on different lines.
  const titleLine = RESELLER_PLAN.split('\n').indexOf('# Northwind Backup: Reseller Plan for Months 12-24');
  let text = RESELLER_PLAN;
  for (let version = 2; version <= 51; version++) {
    text = await client.edit(uri, version, [
      { range: { start: { line: titleLine, character: 0 }, end: { line: titleLine, character: 0 } }, newText: `<!-- edit ${version} -->\n` },
    ]);
  }
  const last = await client.waitForDiagnostics(uri, (p) => p.version === 51, { since: mark });
  const expected = engineResult(text, file);
  assert.deepEqual(
    last.diagnostics.map((d) => [d.code, d.range.start.line]),
    expected.findings.map((f) => [f.ruleId, f.line - 1]),
  );
  // One more edit as a sync point: nothing else was published in between.
  text = await client.edit(uri, 52, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' }]);
  await client.waitForDiagnostics(uri, (p) => p.version === 52, { since: mark });
  const versions = client.allDiagnostics.slice(mark).filter((p) => p.uri === uri).map((p) => p.version);
  assert.deepEqual(versions, [51, 52]);
});

test('a document over maxFileSize gets one information diagnostic and is not analysed', async (t) => {
  const client = await LspClient.start({ settings: { maxFileSize: 1000 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.equal(published.diagnostics.length, 1);
  const [only] = published.diagnostics;
  assert.equal(only.severity, 3);
  assert.equal(only.code, undefined);
  assert.match(only.message, /did not analyse this document: it is \d+(\.\d)? KB, over the 1000 bytes limit \(setting partnerlint\.maxFileSize\)/);
  const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses, []);
});

test('a document that is not a plan gets empty diagnostics and no lenses', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'README.md', README_TEXT);
  await client.open(uri, README_TEXT);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(published.diagnostics, []);
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
});

test('closing a document clears its diagnostics', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
  const mark = client.mark();
  await client.close(uri);
  const cleared = await client.waitForDiagnostics(uri, () => true, { since: mark });
  assert.deepEqual(cleared.diagnostics, []);
});

test('disabling for a line inside a list or a table keeps the block intact', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const text = RESELLER_PLAN.replace('Registrations hold for 120 days from approval.', 'Registrations hold for one year from approval.').replace(
    /\| Registered \|.*\n/,
    '',
  );
  const { uri } = writePlan(tempDir(), 'plan.md', text);
  await client.open(uri, text);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  let version = 1;
  for (const [ruleId, title, marker] of [
    ['deal-reg-expiry', 'Disable “Deal registration expiry” for this line', '- Registrations hold for one year from approval. <!-- partnerlint-disable-line deal-reg-expiry -->\n'],
    ['tier-count', 'Disable “Number of tiers” for this table', '<!-- partnerlint-disable tier-count -->\n| Tier | Entry criteria | Benefits |'],
  ] as const) {
    const diagnostic = first.diagnostics.find((d) => d.code === ruleId);
    assert.ok(diagnostic, `${ruleId} reported (got ${codes(first).join(', ')})`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const disable = actions.find((a) => a.title === title);
    assert.ok(disable?.edit, `${title} offered (got ${actions.map((a) => a.title).join(' | ')})`);
    const disabled = applyWorkspaceEdit(text, uri, disable.edit);
    assert.ok(disabled.includes(marker), disabled);
    version++;
    await client.change(uri, version, disabled);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      codes(after),
      codes(first).filter((c, i, all) => c !== ruleId || all.indexOf(c) !== i),
      `only ${ruleId} is silenced`,
    );
  }
});
