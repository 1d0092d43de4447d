/** The completion provider in memory: on a heading, only the sections the plan lacks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultEngine } from '../../server/engine.js';
import { completions, headingAt } from '../../server/providers/completion.js';
import { RESELLER_PLAN, URI, analysed } from './analysed.js';

const options = { engine: defaultEngine, snippets: false };

test('on a new heading in a plan, completion offers only the sections the plan lacks', () => {
  const text = `${RESELLER_PLAN}\n## Pr`;
  const { document, analysis } = analysed(text);
  const line = document.lineCount - 1;
  const heading = headingAt(document, { line, character: 5 });
  assert.ok(heading);
  assert.deepEqual({ line: heading.line, marks: heading.marks, typed: heading.typed, emptyDocument: heading.emptyDocument }, { line, marks: '##', typed: 'pr', emptyDocument: false });
  const items = completions(heading, analysis.result!, options);
  const labels = items.map((i) => i.label);
  for (const has of ['Exit criteria', 'Deal-registration policy', 'Tier table', 'Success metrics', 'Readiness checklist', '30/60/90-day onboarding']) {
    assert.ok(!labels.includes(has), `${has} is not offered: the plan has it (got ${labels.join(', ')})`);
  }
  for (const lacks of ['Channel-conflict policy', 'Pricing protection', 'MDF policy']) assert.ok(labels.includes(lacks), `${lacks} is offered`);
  assert.ok(!labels.includes('Approval SLA line'), 'a line to add to a section is not a section');
  const pricing = items.find((i) => i.label === 'Pricing protection')!;
  assert.equal(pricing.preselect, true, 'what is typed picks it');
  assert.equal(pricing.sortText, '0Pricing protection');
  assert.equal(pricing.insertTextFormat, 1);
  const edit = pricing.textEdit as { range: unknown; newText: string };
  assert.deepEqual(edit.range, { start: { line, character: 0 }, end: { line, character: 5 } });
  assert.match(edit.newText, /^## Pricing protection/);
});

test('a client with snippets gets the snippet form', () => {
  const text = `${RESELLER_PLAN}\n## `;
  const { document, analysis } = analysed(text);
  const heading = headingAt(document, { line: document.lineCount - 1, character: 3 })!;
  const items = completions(heading, analysis.result!, { ...options, snippets: true });
  assert.ok(items.length > 0);
  assert.ok(items.every((i) => i.insertTextFormat === 2));
  assert.ok(items.some((i) => /\$\{\d+:/.test((i.textEdit as { newText: string }).newText)), 'tab stops');
});

test('an empty document, with no analysis yet, is offered every section template', () => {
  const document = TextDocument.create(URI, 'markdown', 1, '# ');
  const heading = headingAt(document, { line: 0, character: 2 })!;
  assert.equal(heading.emptyDocument, true);
  const labels = completions(heading, undefined, options).map((i) => i.label);
  for (const title of ['Exit criteria', 'Deal-registration policy', 'Tier table', 'Channel-conflict policy', 'Pricing protection', 'Success metrics']) {
    assert.ok(labels.includes(title), `${title} (got ${labels.join(', ')})`);
  }
  assert.ok(!labels.includes('Approval SLA line'), 'a line to add to a section is not a section');
});

test('no heading, or the cursor inside the marks: no completion context', () => {
  const document = TextDocument.create(URI, 'markdown', 1, 'Some text\n## Tiers\n');
  assert.equal(headingAt(document, { line: 0, character: 3 }), undefined);
  assert.equal(headingAt(document, { line: 1, character: 1 }), undefined);
  assert.equal(headingAt(document, { line: 1, character: 2 })?.typed, 'tiers');
});
