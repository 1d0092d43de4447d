/** The code-action provider in memory: the title's one "Insert N missing sections" entry, plain rule names, fix-all. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node.js';
import { listRules, ruleDocsUrl } from '../../lib/index.js';
import { defaultEngine } from '../../server/engine.js';
import { FIX_ALL_KIND, fixAllAction, ourDiagnostics, quickFixes, ruleName, someCurrent, someStale, wantsKind, type CodeActionOptions } from '../../server/providers/code-actions.js';
import { KICKOFF, RESELLER_PLAN, URI, analysed, diagnosticOf, lineOf } from './analysed.js';

const options: CodeActionOptions = { engine: defaultEngine, documentChanges: false };

/** Template inserts the diagnostic's fixes carry. */
const insertsSection = (d: Diagnostic) => ((d.data as { fixes: Array<{ templateId?: string }> }).fixes ?? []).some((f) => f.templateId !== undefined);

test('on the title of a plan with many gaps, one "Insert N missing sections" entry comes first and replaces the per-section inserts', () => {
  const { document, analysis } = analysed(KICKOFF);
  const onTitle = analysis.diagnostics.filter((d) => d.range.start.line === lineOf(KICKOFF, '# '));
  const missing = onTitle.filter(insertsSection);
  assert.equal(missing.length, 5, missing.map((d) => d.code).join(', '));
  const actions = quickFixes(document, onTitle, analysis, options);
  const inserts = actions.filter((a) => /^Insert /.test(a.title));
  assert.deepEqual(inserts.map((a) => a.title), ['Insert 5 missing sections']);
  assert.equal(actions[0], inserts[0]);
  assert.deepEqual(new Set(inserts[0].diagnostics?.map((d) => d.code)), new Set(missing.map((d) => d.code)));
  const edits = inserts[0].edit?.changes?.[URI] ?? [];
  for (const heading of ['## Channel conflict', '## Exit criteria', '## Partner tiers']) {
    assert.ok(edits.some((e) => e.newText.includes(heading)), `the insert adds "${heading}"`);
  }
});

test('a lone finding with a section insert keeps its own insert', () => {
  const { document, analysis } = analysed(KICKOFF);
  const exit = diagnosticOf(analysis, 'exit-criteria');
  const titles = quickFixes(document, [exit], analysis, options).map((a) => a.title);
  assert.equal(titles[0], 'Insert an "Exit criteria" section');
  assert.ok(!titles.some((t) => /missing sections/.test(t)), titles.join(' | '));
});

test('menu titles name the rule in plain words, quoted, and keep the same commands and arguments', () => {
  const { document, analysis } = analysed(RESELLER_PLAN);
  const sla = diagnosticOf(analysis, 'deal-reg-sla');
  const actions = quickFixes(document, [sla], analysis, options);
  const name = '“Approval turnaround for deal registration”';
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Add an approval-SLA line', `Disable ${name} for this line`, `Disable ${name} in this file`, `Show documentation for ${name}`],
  );
  const [fix, line, file, docs] = actions;
  assert.equal(fix.isPreferred, true, 'the one safe fix is preferred');
  assert.equal(line.edit?.changes?.[URI]?.[0].newText, '<!-- partnerlint-disable-next-line deal-reg-sla -->\n');
  assert.equal(file.edit?.changes?.[URI]?.[0].newText, '<!-- partnerlint-disable deal-reg-sla -->\n');
  assert.deepEqual(docs.command, { title: `Show documentation for ${name}`, command: 'partnerlint.showRuleDocs', arguments: ['deal-reg-sla'] });

  const own = quickFixes(document, [sla], analysis, { ...options, ruleDocsCommand: 'editor.showRuleDocs' }).at(-1);
  assert.deepEqual(own?.command, { title: `Show documentation for ${name}`, command: 'editor.showRuleDocs', arguments: ['deal-reg-sla', ruleDocsUrl('deal-reg-sla')] });
});

test('a table row is disabled for the table, named in plain words', () => {
  const text = RESELLER_PLAN.replace(/\| Registered \|.*\n/, '');
  const { document, analysis } = analysed(text);
  const titles = quickFixes(document, [diagnosticOf(analysis, 'tier-count')], analysis, options).map((a) => a.title);
  assert.ok(titles.includes('Disable “Number of tiers” for this table'), titles.join(' | '));
});

test('no code-action title the server writes contains a rule id', () => {
  const ids = listRules().map((rule) => rule.id);
  const titles: string[] = [];
  /** The fixes' own titles, written with the rules. */
  const fixTitles = new Set<string>();
  for (const text of [KICKOFF, RESELLER_PLAN]) {
    const { document, analysis } = analysed(text);
    for (const d of analysis.diagnostics) {
      for (const fix of (d.data as { fixes: Array<{ title: string }> }).fixes) fixTitles.add(fix.title);
      titles.push(...quickFixes(document, [d], analysis, options).map((a) => a.title));
    }
    titles.push(...quickFixes(document, analysis.diagnostics, analysis, options).map((a) => a.title));
    titles.push(fixAllAction(document, analysis, options)?.title ?? '');
  }
  const written = titles.filter((t) => t !== '' && !fixTitles.has(t));
  assert.ok(written.filter((t) => t.startsWith('Disable “')).length >= 20, 'rules are disabled by name');
  assert.ok(written.some((t) => t.startsWith('Show documentation for “')));
  assert.ok(written.includes('Insert 5 missing sections'));
  for (const title of written) {
    for (const id of ids) assert.ok(!title.includes(id), `"${title}" names ${id}`);
  }
});

test('every rule has a title in plain words: unique, a short phrase, no rule id, no camelCase; menus quote it', () => {
  const rules = listRules();
  const ids = rules.map((rule) => rule.id);
  const titles = rules.map((rule) => rule.title);
  assert.equal(new Set(titles.map((t) => t.toLowerCase())).size, titles.length, 'titles are unique');
  for (const { id, title } of rules) {
    assert.equal(typeof title, 'string', id);
    assert.match(title, /^[A-Z][A-Za-z0-9 ,'-]*[a-z]$/, `${id}: "${title}" is a phrase that starts with a capital and ends without a full stop`);
    const words = title.split(' ');
    assert.ok(words.length >= 1 && words.length <= 6, `${id}: "${title}" has ${words.length} words`);
    for (const other of ids) assert.ok(!title.toLowerCase().includes(other), `${id}: "${title}" contains the rule id ${other}`);
    assert.ok(!words.some((w) => /[a-z][A-Z]/.test(w)), `${id}: "${title}" has a camelCase word`);
    assert.equal(ruleName(id, { title }), `“${title}”`);
  }
  assert.equal(ruleName('exit-criteria', rules.find((r) => r.id === 'exit-criteria')), '“Exit criteria”');
  assert.equal(ruleName('no-such-rule', undefined), 'no-such-rule');

  const { document, analysis } = analysed(KICKOFF);
  const exit = diagnosticOf(analysis, 'exit-criteria');
  const menu = quickFixes(document, [exit], analysis, options).map((a) => a.title);
  assert.ok(menu.includes('Disable “Exit criteria” in this file'), menu.join(' | '));
  assert.ok(menu.includes('Show documentation for “Exit criteria”'), menu.join(' | '));
});

test('diagnostics of another version get no fixes, only disable entries; an unknown rule gets no documentation entry', () => {
  const { document, analysis } = analysed(RESELLER_PLAN, 2);
  const margin = diagnosticOf(analysis, 'margin-range');
  const old: Diagnostic = { ...margin, data: { ...(margin.data as object), version: 1 } };
  const forged: Diagnostic = { ...margin, code: 'x', data: { ...(margin.data as object), ruleId: '../../etc/passwd' } };
  assert.equal(someStale(document, [old]), true);
  assert.equal(someCurrent(document, [old]), false);
  const actions: CodeAction[] = quickFixes(document, [old, forged], undefined, options);
  const name = '“Partner margins and fees”';
  assert.deepEqual(
    actions.map((a) => a.title),
    [`Disable ${name} for this line`, 'Disable ../../etc/passwd for this line', `Disable ${name} in this file`, `Show documentation for ${name}`, 'Disable ../../etc/passwd in this file'],
  );
});

test('fix-all applies every safe fix; a document with none gets no fix-all', () => {
  const { document, analysis } = analysed(RESELLER_PLAN);
  const action = fixAllAction(document, analysis, { ...options, documentChanges: true });
  assert.equal(action?.title, 'Fix all safe Partnerlint problems');
  assert.equal(action?.kind, FIX_ALL_KIND);
  const change = action?.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: Array<{ newText: string }> };
  assert.deepEqual(change.textDocument, { uri: URI, version: 1 });
  assert.equal(change.edits.length, 1);
  assert.match(change.edits[0].newText, /approv/i);

  const clean = analysed('# Notes\n\nNothing here.\n');
  assert.equal(fixAllAction(clean.document, clean.analysis, options), undefined);
});

test('only Partnerlint diagnostics are read, and "only" filters kinds', () => {
  const { analysis } = analysed(RESELLER_PLAN);
  const foreign: Diagnostic = { range: analysis.diagnostics[0].range, message: 'spelling', source: 'cspell' };
  assert.deepEqual(ourDiagnostics([foreign, ...analysis.diagnostics]), analysis.diagnostics);
  assert.equal(wantsKind(undefined, 'quickfix'), true);
  assert.equal(wantsKind(['quickfix'], 'quickfix'), true);
  assert.equal(wantsKind(['source'], 'quickfix'), false);
  assert.equal(wantsKind(['source.fixAll'], FIX_ALL_KIND), true);
});
