/** The command provider in memory: template inserts, argument checks, the readiness report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultEngine } from '../../server/engine.js';
import { applied, fixAllRefusal, insertTemplateArgs, insertTemplateEdit, linkedPage, readinessReport, reportOptions } from '../../server/providers/commands.js';
import { RESELLER_PLAN, URI, analysed } from './analysed.js';

test('a template is inserted as its own block at the section level, at the line asked or at the end', () => {
  const document = TextDocument.create(URI, 'markdown', 1, '# Plan\n\nSome text.\n');
  const atEnd = insertTemplateEdit(document, 'exit-criteria', 2, undefined, defaultEngine);
  assert.equal(atEnd.label, 'Insert exit-criteria template');
  assert.deepEqual(atEnd.edit.range.start, { line: 3, character: 0 });
  assert.match(atEnd.edit.newText, /^\n?## Exit criteria\n/);
  const deeper = insertTemplateEdit(document, 'exit-criteria', 3, { line: 1, character: 0 }, defaultEngine);
  assert.deepEqual(deeper.edit.range.start, { line: 1, character: 0 });
  assert.match(deeper.edit.newText, /^\n?### Exit criteria\n/);
  // A position past the end is clamped to the document.
  assert.equal(insertTemplateEdit(document, 'exit-criteria', undefined, { line: 99, character: 0 }, defaultEngine).edit.range.start.line, 3);
  assert.deepEqual(insertTemplateArgs([URI, 'exit-criteria']), { uri: URI, templateId: 'exit-criteria', position: undefined });
});

test('fix-all refuses a version that is not a number or not the current one', () => {
  const document = TextDocument.create(URI, 'markdown', 5, 'text');
  assert.equal(fixAllRefusal(undefined, document), undefined);
  assert.equal(fixAllRefusal(5, document), undefined);
  assert.equal(fixAllRefusal('5', document), 'The version argument must be a number.');
  assert.equal(fixAllRefusal(4, document), 'The document changed (version 5, expected 4).');
});

test('the readiness report: markdown for a plan, a sentence for another document, an HTML page with command links', () => {
  const { result } = analysed(RESELLER_PLAN).analysis;
  const markdown = readinessReport(URI, '/work/plans/plan.md', result!, reportOptions(undefined), defaultEngine);
  assert.match(markdown, /83\/100/);
  const readme = analysed('# ferrous-cache\n\nA small cache.\n').analysis.result!;
  assert.match(readinessReport(URI, undefined, readme, reportOptions({}), defaultEngine), /^# Readiness\n\nThis document is not a partnership plan: /);

  const options = reportOptions({ format: 'html', lineCommand: 'editor.revealLine' });
  assert.deepEqual(options, { html: true, lineCommand: 'editor.revealLine' });
  const html = readinessReport(URI, '/work/plans/plan.md', result!, options, defaultEngine);
  assert.match(html, /<html/i);
  assert.ok(html.includes('plan.md'));
  // The margin finding (line 19) links to its line through the client's command.
  assert.ok(html.includes(`command:editor.revealLine?${encodeURIComponent(JSON.stringify([URI, 19]))}`), 'line links run the command');
  // A command name that is not a plain identifier is ignored.
  assert.deepEqual(reportOptions({ format: 'html', lineCommand: 'x"><script>' }), { html: true });
});

test('an edit the editor refused gives its reason; a linked page must be a non-empty string', () => {
  assert.deepEqual(applied({ applied: true }), { applied: true });
  assert.deepEqual(applied({ applied: false, failureReason: 'read-only' }), { applied: false, reason: 'read-only' });
  assert.deepEqual(applied({ applied: false }), { applied: false, reason: 'The editor did not apply the edit.' });
  assert.equal(linkedPage(['file:///w/deal-reg.md']), 'file:///w/deal-reg.md');
  assert.equal(linkedPage(['']), undefined);
  assert.equal(linkedPage([42]), undefined);
});
