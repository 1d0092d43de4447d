import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, CompletionItem, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node.js';
import { listRules, readinessReport, renderTemplate, ruleDocsUrl } from '../../lib/index.js';
import { LspClient, applyWorkspaceEdit, tempDir, writePlan } from './harness.js';
import { README_TEXT, RESELLER_PLAN, engineResult } from './fixtures.js';

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

test('CodeLens: readiness on the title line and one lens per recognised section', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { file, uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const result = engineResult(RESELLER_PLAN, file);
  assert.ok(result.readiness && result.sections.length > 0);

  const [title, ...sections] = lenses;
  const met = Object.values(result.readiness.preconditions).filter(Boolean).length;
  const n = result.findings.length;
  assert.equal(title.command?.title, `Readiness ${result.readiness.score}/100 · ${met}/6 preconditions · ${n} finding${n === 1 ? '' : 's'}`);
  assert.match(title.command?.title ?? '', /^Readiness \d+\/100 · \d\/6 preconditions · \d+ findings?$/);
  assert.equal(title.command?.command, 'partnerlint.readinessReport');
  assert.deepEqual(title.command?.arguments, [uri]);
  assert.equal(title.range.start.line, result.title.line - 1);
  assert.equal(RESELLER_PLAN.split('\n')[title.range.start.line], '# Northwind Backup: Reseller Plan for Months 12-24');

  assert.equal(sections.length, result.sections.length);
  for (const [i, section] of result.sections.entries()) {
    const total = section.present.length + section.missing.length;
    const expected = `${section.label} ${section.present.length}/${total}${section.missing.length ? ` · missing ${section.missing.join(', ')}` : ''}`;
    assert.equal(sections[i].command?.title, expected);
    assert.equal(sections[i].range.start.line, section.line - 1);
    assert.equal(sections[i].command?.command, 'partnerlint.readinessReport');
  }
  const dealRegistration = result.sections.find((s) => s.topic === 'dealRegistration');
  assert.ok(dealRegistration, 'the deal-registration section is recognised');
  assert.ok(sections.some((l) => /^Deal registration \d+\/\d+ · missing /.test(l.command?.title ?? '')), 'its lens names what is missing');

  const report = await client.request<string>('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [uri] });
  assert.equal(report, readinessReport(result));
});

test('Hover: a flagged span, a benchmarked number and the title line', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { file, uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const result = engineResult(RESELLER_PLAN, file);

  const margin = result.findings.find((f) => f.ruleId === 'margin-range');
  assert.ok(margin);
  const onFinding = hoverText(
    await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: margin.line - 1, character: margin.column },
    }),
  );
  const rule = listRules().find((r) => r.id === 'margin-range');
  assert.ok(onFinding.includes('**margin-range**'));
  assert.ok(rule && onFinding.includes(rule.description));
  assert.ok(onFinding.includes(margin.message));
  assert.ok(onFinding.includes(ruleDocsUrl('margin-range')));
  for (const fix of margin.fixes ?? []) assert.ok(onFinding.includes(fix.title));

  const note = result.benchmarks.find((b) => b.line !== margin.line) ?? result.benchmarks[0];
  assert.ok(note, 'the engine notes at least one benchmarked number');
  const onNumber = hoverText(
    await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: note.line - 1, character: note.column - 1 } }),
  );
  assert.ok(onNumber.includes(note.band.label), onNumber);
  assert.ok(onNumber.includes(note.inBand ? 'in line with the benchmark' : 'outside the benchmark band'));

  const onTitle = hoverText(
    await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: result.title.line - 1, character: 2 } }),
  );
  assert.ok(result.readiness);
  assert.ok(onTitle.includes(`Readiness ${result.readiness.score}/100`));
  for (const entry of result.readiness.breakdown) assert.ok(onTitle.includes(entry), `breakdown entry: ${entry}`);
  for (const detail of Object.values(result.readiness.details)) assert.ok(onTitle.includes(detail.reason.replace(/\|/g, '\\|')));

  // Plain text away from anything flagged: no hover.
  const quiet = RESELLER_PLAN.split('\n').findIndex((l) => l.startsWith('In return, each reseller'));
  if (!result.findings.some((f) => f.line - 1 <= quiet && f.endLine - 1 >= quiet) && !result.benchmarks.some((b) => b.line - 1 === quiet)) {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: quiet, character: 3 } }), null);
  }
});

test('Completion: section templates as snippets on a new heading line', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  const text = `${RESELLER_PLAN}\n## MDF`;
  await client.open(uri, text);
  const lastLine = text.split('\n').length - 1;
  const items = await client.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lastLine, character: '## MDF'.length },
  });
  const policy = items.find((i) => i.data?.templateId === 'mdf-policy');
  assert.ok(policy, `mdf-policy offered (got ${items.map((i) => i.label).join(', ')})`);
  assert.equal(policy.insertTextFormat, 2, 'snippet');
  assert.equal(policy.preselect, true);
  const edit = policy.textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: '## MDF'.length } });
  assert.equal(edit.newText, renderTemplate('mdf-policy', { format: 'snippet', headingLevel: 2 }));
  assert.ok(edit.newText.includes('${1:'), 'tab stops');
  assert.ok(items.every((i) => /^#{2} /.test((i.textEdit as TextEdit).newText)), 'only sections, at the typed level');

  // Not a heading line: nothing.
  const plain = await client.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lastLine - 2, character: 2 },
  });
  assert.deepEqual(plain, []);
});

test('partnerlint.insertTemplate applies a template rendered at the plan heading level', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const answer = await client.request<{ applied: boolean }>('workspace/executeCommand', {
    command: 'partnerlint.insertTemplate',
    arguments: [uri, 'exit-criteria'],
  });
  assert.deepEqual(answer, { applied: true });
  assert.equal(client.appliedEdits.length, 1);
  const after = applyWorkspaceEdit(RESELLER_PLAN, uri, client.appliedEdits[0]);
  const block = renderTemplate('exit-criteria', { format: 'text', headingLevel: 2 });
  assert.equal(after, `${RESELLER_PLAN}\n${block}\n`);

  const unknown = await client.request<{ applied: boolean }>('workspace/executeCommand', {
    command: 'partnerlint.insertTemplate',
    arguments: [uri, 'no-such-template'],
  });
  assert.equal(unknown.applied, false);
  assert.equal(client.appliedEdits.length, 1);
});

test('partnerlint.lintWorkspace lints every markdown file under the workspace folders, with progress', async (t) => {
  const dir = tempDir();
  const plan = writePlan(dir, 'plans/reseller.md', RESELLER_PLAN);
  const readme = writePlan(dir, 'README.md', README_TEXT);
  writePlan(dir, 'node_modules/pkg/README.md', RESELLER_PLAN);
  fs.mkdirSync(path.join(dir, '.git'));
  writePlan(dir, '.git/notes.md', RESELLER_PLAN);
  const client = await LspClient.start({ workspaceFolders: [dir] });
  t.after(() => client.dispose());
  client.watchProgress('lint-workspace-1');
  const summary = await client.request<{ files: number; plans: number; findings: number; cancelled: boolean }>('workspace/executeCommand', {
    command: 'partnerlint.lintWorkspace',
    arguments: [],
    workDoneToken: 'lint-workspace-1',
  });
  const expected = engineResult(RESELLER_PLAN, plan.file);
  assert.deepEqual(summary, { files: 2, plans: 1, findings: expected.findings.length, cancelled: false });
  const published = await client.waitForDiagnostics(plan.uri);
  assert.deepEqual(published.diagnostics.map((d) => d.code), expected.findings.map((f) => f.ruleId));
  assert.deepEqual((await client.waitForDiagnostics(readme.uri)).diagnostics, []);
  assert.ok(!client.allDiagnostics.some((p) => p.uri.includes('node_modules') || p.uri.includes('.git')));
  const kinds = client.progress
    .filter((p) => (p as { token: unknown }).token === 'lint-workspace-1')
    .map((p) => (p as { value: { kind: string } }).value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds[kinds.length - 1], 'end');
  assert.ok(kinds.includes('report'));
  assert.equal(pathToFileURL(plan.file).href, plan.uri);
});

test('Completion: a section template is offered only for a section the plan lacks', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  const text = `${RESELLER_PLAN}\n## Exit criteria\n\n- A partner with no deal in 12 months moves down a tier.\n\n## `;
  await client.open(uri, text);
  const lastLine = text.split('\n').length - 1;
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 3 } });
  const ids = items.map((i) => i.data?.templateId);
  assert.ok(!ids.includes('exit-criteria'), `the plan has exit criteria: ${ids.join(', ')}`);
  assert.ok(ids.includes('mdf-policy'), `a section it lacks is offered: ${ids.join(', ')}`);
});
