/**
 * The quick-fix menu on the title of a plan with many gaps: one "Insert N missing sections"
 * entry in place of one insert per section; a single finding keeps its own insert.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { LspClient, REPO_ROOT, applyWorkspaceEdit, codes, tempDir, writePlan } from './harness.js';

const KICKOFF = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'quillpath-referral-kickoff.md'), 'utf8');

/** True when the diagnostic's fixes include one that inserts a section (a template). */
function insertsSection(d: Diagnostic): boolean {
  return ((d.data as { fixes?: Array<{ templateId?: string }> } | undefined)?.fixes ?? []).some((f) => f.templateId !== undefined);
}

test('the title offers one "Insert N missing sections" entry, which inserts them all; one finding keeps its own insert', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', KICKOFF);
  await client.open(uri, KICKOFF);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const titleLine = KICKOFF.split('\n').findIndex((l) => l.startsWith('# '));
  const onTitle = published.diagnostics.filter((d) => d.range.start.line === titleLine);
  const missing = onTitle.filter(insertsSection);
  assert.ok(missing.length >= 3, `several missing sections reported on the title (got ${missing.map((d) => d.code).join(', ')})`);

  // The lightbulb on the title: the client sends every diagnostic of the line.
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: titleLine, character: 0 }, end: { line: titleLine, character: 0 } },
    context: { diagnostics: onTitle, only: ['quickfix'] },
  });
  const titles = actions.map((a) => a.title);
  const inserts = actions.filter((a) => /^Insert /.test(a.title));
  assert.deepEqual(inserts.map((a) => a.title), [`Insert ${missing.length} missing sections`], titles.join(' | '));
  assert.equal(titles[0], `Insert ${missing.length} missing sections`, 'the insert comes first');
  assert.deepEqual(new Set(inserts[0].diagnostics?.map((d) => d.code)), new Set(missing.map((d) => d.code)));

  const inserted = applyWorkspaceEdit(KICKOFF, uri, inserts[0].edit!);
  // Each inserted section starts after a blank line.
  const added = inserted.slice(KICKOFF.trimEnd().length).split('\n');
  added.forEach((line, i) => {
    if (/^#{1,6} /.test(line)) assert.equal(added[i - 1], '', `a blank line before "${line}"`);
  });
  await client.change(uri, 2, inserted);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  const left = after.diagnostics.filter((d) => missing.some((m) => m.code === d.code) && d.range.start.line === titleLine);
  assert.deepEqual(codes({ uri, diagnostics: left }), [], 'no section is reported missing any more');

  // At one finding of its own (the Problems panel), its own insert.
  await client.change(uri, 3, KICKOFF);
  const again = await client.waitForDiagnostics(uri, (p) => p.version === 3);
  const one = again.diagnostics.filter((d) => d.range.start.line === titleLine).find(insertsSection)!;
  const own = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: one.range,
    context: { diagnostics: [one], only: ['quickfix'] },
  });
  const ownInserts = own.filter((a) => /^Insert /.test(a.title));
  assert.equal(ownInserts.length, 1, own.map((a) => a.title).join(' | '));
  assert.doesNotMatch(ownInserts[0].title, /missing sections/);
  assert.deepEqual(ownInserts[0].diagnostics, [one]);
});
