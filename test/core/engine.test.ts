import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { allRules, applyFixes, defaultConfig, lint, loadConfigForFile, parseConfigText, renderTemplate, templates, VERSION } from '../../lib/index.js';
import { analyze } from '../../core/engine.js';
import { defineRule } from '../../core/rule.js';
import { z } from 'zod';
import { repoRoot } from '../helpers.js';

const weak = `# Launch\n\nReferral partners get 25% of year-one revenue. Our two account executives keep selling as today.\n`;

test('exact UTF-16 positions on a line with accents and emoji', () => {
  const text = `---\ntype: partnership-plan\narchetypes: [referral]\n---\n# Zoë 🚀\n\nPartenaires 🤝 earn a 30% referral fee.\n`;
  const f = lint(text).findings.find((x) => x.ruleId === 'margin-range')!;
  assert.equal(text.slice(f.startOffset, f.endOffset), '30%');
  const lineStart = text.indexOf('Partenaires');
  assert.equal(f.line, 7);
  assert.equal(f.column, text.indexOf('30%') - lineStart + 1);
  assert.equal(f.endColumn, f.column + 3);
});

test('a rule that throws becomes one finding naming it; the others still run', () => {
  const broken = defineRule({
    meta: { id: 'broken-rule', title: 'Broken rule', description: 'Always throws.', defaultSeverity: 'warning', category: 'design', options: z.object({}).default({}), fixable: false, docs: { why: '', fires: '', doesNotFire: '', fix: '', example: '' } },
    check() {
      throw new Error('boom');
    },
  });
  const r = analyze(weak, { rules: [broken, ...allRules], detect: 'always' });
  const failed = r.findings.filter((f) => f.ruleId === 'broken-rule');
  assert.equal(failed.length, 1);
  assert.match(failed[0].message, /broken-rule.*boom/);
  assert.ok(r.findings.some((f) => f.ruleId === 'margin-range'));
});

test('inline control comments', () => {
  const base = `---\ntype: partnership-plan\narchetypes: [referral]\n---\n# P\n\n`;
  const line = 'Referral partners get 25% of year-one revenue.\n';
  const ids = (t: string) => lint(t).findings.map((f) => f.ruleId);
  assert.ok(ids(base + line).includes('margin-range'));
  assert.ok(!ids(base + '<!-- partnerlint-disable-next-line margin-range -->\n' + line).includes('margin-range'));
  assert.ok(ids(base + '<!-- partnerlint-disable-next-line exit-criteria -->\n' + line).includes('margin-range'));
  assert.ok(!ids(base + '<!-- partnerlint-disable margin-range -->\n\n' + line).includes('margin-range'));
  assert.ok(ids(base + '<!-- partnerlint-disable margin-range -->\n\n<!-- partnerlint-enable margin-range -->\n\n' + line).includes('margin-range'));
  const all = lint('<!-- partnerlint-disable -->\n' + base.replace(/^/, '') + line);
  assert.deepEqual(all.findings, []);
});

test('detection: front matter, content, non-plans and modes', () => {
  assert.equal(lint('# Notes\n\nWe met a partner for lunch.\n').isPlan, false);
  assert.equal(lint('# Notes\n\nWe met a partner for lunch.\n', { detect: 'always' }).isPlan, true);
  assert.equal(lint('---\ntype: partnership-plan\n---\n# P\n').isPlan, true);
  assert.equal(lint('---\npartnerlint: true\n---\n# P\n').isPlan, true);
  const c = defaultConfig();
  c.detection.include = ['plans/**/*.md'];
  c.baseDir = '/repo';
  assert.equal(lint('# Anything\n', { filePath: '/repo/plans/a.md', config: c }).isPlan, true);
  assert.equal(lint(weak.replace('Launch', 'Partner program launch') + '\nWe recruit resellers and pay a margin. Deal registration via a form.\n', { detect: 'frontmatter' }).isPlan, false);
});

test('severity overrides and options from config', () => {
  const c = parseConfigText(JSON.stringify({ rules: { 'margin-range': ['error', { referral: { min: 10, max: 30 } }], 'exit-criteria': 'off' } }), 'x.json');
  assert.deepEqual(c.problems, []);
  const r = lint(`---\ntype: partnership-plan\narchetypes: [referral]\n---\n# P\n\nReferral partners get 25% of year-one revenue.\n`, { config: c.config });
  assert.ok(!r.findings.some((f) => f.ruleId === 'margin-range'));
  assert.ok(!r.findings.some((f) => f.ruleId === 'exit-criteria'));
  const c2 = parseConfigText('rules:\n  margin-range: error\n', 'x.yaml');
  const r2 = lint(`---\ntype: partnership-plan\narchetypes: [referral]\n---\n# P\n\nReferral partners get 25% of year-one revenue.\n`, { config: c2.config });
  assert.equal(r2.findings.find((f) => f.ruleId === 'margin-range')?.severity, 'error');
});

test('invalid config names file, key path and expectation; defaults are used', () => {
  const r = parseConfigText(JSON.stringify({ rules: { 'margin-rang': 'warning', 'deal-reg-sla': 'loud', 'pilot-shape': ['warning', { days: { min: 200, max: 100 } }] } }), '/p/.partnerlintrc.json');
  const byPath = Object.fromEntries(r.problems.map((p) => [p.keyPath, p]));
  assert.match(byPath['rules.margin-rang'].message, /did you mean "margin-range"/);
  assert.equal(byPath['rules.margin-rang'].file, '/p/.partnerlintrc.json');
  assert.ok(byPath['rules.deal-reg-sla']);
  assert.match(byPath['rules.pilot-shape[1].days'].message, /min \(200\) is greater than max \(100\)/);
  assert.equal(r.config.rules['deal-reg-sla'].severity, 'warning');
  assert.ok(byPath['rules.margin-rang'].line === 1);
});

test('config found by walking up from the document', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-'));
  fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.partnerlintrc.yaml'), 'rules:\n  exit-criteria: off\n');
  const loaded = loadConfigForFile(path.join(dir, 'a', 'b', 'plan.md'));
  assert.equal(loaded.file, path.join(dir, '.partnerlintrc.yaml'));
  assert.equal(loaded.config.rules['exit-criteria'].severity, 'off');
});

test('fix-all applies safe fixes once and the fixed rules stop firing', () => {
  const text = `---\ntype: partnership-plan\narchetypes: [referral]\n---\n# Referral plan\n\nReferral partners earn 12% of first-year ACV.\n`;
  const before = lint(text);
  const fixed = applyFixes(text, before.findings);
  const ruleIds = fixed.applied.map((a) => a.ruleId).sort();
  assert.deepEqual(ruleIds, ['deal-reg-missing', 'exit-criteria']);
  assert.ok(fixed.text.startsWith(text));
  const after = lint(fixed.text);
  for (const id of ruleIds) assert.ok(!after.findings.some((f) => f.ruleId === id), id);
});

test('templates render as text and as snippets at the document heading level', () => {
  assert.ok(templates.length >= 14);
  const t = renderTemplate('exit-criteria', { headingLevel: 3 });
  assert.match(t, /^### Exit criteria/);
  assert.doesNotMatch(t, /\{\{/);
  const s = renderTemplate('deal-registration', { format: 'snippet' });
  assert.match(s, /\$\{1:‹N›\} business days/);
  // Plain text writes the placeholder where the author decides, never a value.
  assert.match(renderTemplate('deal-registration'), /within ‹N› business days/);
  assert.doesNotMatch(renderTemplate('deal-registration'), /\b2 business days\b/);
  for (const info of templates) {
    const full = renderTemplate(info.id);
    if (info.wholePlan) assert.equal(lint(full).isPlan, true, info.id);
  }
});

test('generated docs, README rule table and config schema are current', () => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'out', 'scripts', 'generate.js'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('VERSION matches package.json', () => {
  assert.equal(VERSION, JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
});

test('a time budget stops a long analysis and marks the document skipped', () => {
  const big = '---\ntype: partnership-plan\n---\n# P\n\n' + '## Section\n\nResellers keep a 20% margin and register deals within 48 hours.\n\n'.repeat(4000);
  const r = lint(big, { timeBudgetMs: 1 });
  assert.match(r.skipped ?? '', /longer than 1 ms/);
  assert.deepEqual(r.findings, []);
  assert.equal(lint(big.slice(0, 2000), { timeBudgetMs: 60_000 }).skipped, undefined);
});

test('a document over the size limit is not analysed and says why', () => {
  const r = lint('# P\n\n' + 'x'.repeat(2000), { maxBytes: 1000 });
  assert.match(r.skipped ?? '', /over the .* limit/);
  assert.equal(r.isPlan, false);
});

test('a line in bold and nothing else is a section heading; inserted sections still use a markdown level', () => {
  const text = [
    '---',
    'type: partnership-plan',
    'archetypes: [reseller]',
    '---',
    '# Reseller plan',
    '',
    '**Deal registration**',
    '',
    'Resellers register each deal in the portal before the first demo.',
    '',
    '**Questions?**',
    '',
    '**Owner:** Dana Lee, Head of Partnerships, full-time.',
    '',
  ].join('\n');
  const r = lint(text, { filePath: 'plan.md' });
  const dr = r.sections.find((s) => s.topic === 'dealRegistration');
  assert.ok(dr, 'the bold line is read as the deal-registration section');
  assert.equal(dr.line, 7);
  // Missing elements of that section sit on its bold heading.
  assert.ok(r.findings.some((f) => f.ruleId === 'deal-reg-sla' && f.line === 7));
  // A bold question, and a bold label followed by text, are not headings.
  assert.deepEqual((r.outline ?? []).map((o) => o.heading), ['Reseller plan', 'Deal registration']);
  // Sections inserted into a plan whose only sub-headings are bold lines are markdown level 2.
  assert.equal(r.sectionLevel, 2);
  const exit = r.findings.find((f) => f.ruleId === 'exit-criteria')?.fixes?.[0];
  assert.ok(exit && /\n## /.test(exit.edits.map((e) => e.newText).join('')), 'the exit-criteria template is inserted as a level-2 section');
});

test('detection: a plan whose headings name only its mechanics is a plan; a page whose headings never name a program is not', () => {
  const plan = [
    '# Q3 plan',
    '',
    '## Pilot',
    '',
    'We start with five resellers in Ohio for 90 days; each reseller keeps a 20% margin and gets a named channel manager.',
    '',
    '## Recruiting',
    '',
    'We recruit resellers that already sell field-service software and name a sales rep for us.',
    '',
    '## Economics',
    '',
    'Resellers earn 20% on every licence; commissions are paid monthly with a statement.',
    '',
    '## Exit',
    '',
    'A reseller with no closed deal in 12 months leaves the program.',
    '',
  ].join('\n');
  assert.equal(lint(plan, { filePath: 'q3.md' }).isPlan, true);
  const hr = [
    '# Working with your People Business Partner',
    '',
    'Every department has a People Business Partner (PBP) who partners with managers on hiring plans.',
    '',
    '## Tiers of support',
    '',
    'Tier 1 is the help desk; tier 2 is your PBP; tier 3 is a specialist.',
    '',
    '## Questions that go elsewhere',
    '',
    'Sales commission plans go to Sales Compensation; questions about a reseller staff member go to the Partnerships team.',
    '',
  ].join('\n');
  const r = lint(hr, { filePath: 'pbp.md' });
  assert.equal(r.isPlan, false, r.detection);
  assert.match(r.detection, /heading/);
});

test('kinds: a page that speaks to the company\'s own sellers about partners is a policy; one that speaks to partners is a guide', () => {
  const body = (lines: string[]) => ['---', 'type: partnership-plan', '---', '', '# Channel partners', '', ...lines, ''].join('\n\n');
  const toSellers = body([
    'Partners can help you reach accounts your team cannot cover, and working with them never costs your quota.',
    'Our AEs keep full credit: compensation is channel-neutral on every partner deal in your territory.',
    'Do not bring a competing partner into your pipeline once a partner has registered the deal.',
    'If you disagree with a registration, talk to the channel account manager before you quote.',
    'You can see every registered deal in your region in the CRM, and you should join the partner on the first call.',
    'Ask your partner manager for the current partner list before you plan your accounts.',
  ]);
  const toPartners = toSellers
    .replace('Partners can help you reach accounts your team cannot cover, and working with them never costs your quota.', 'You resell our licences to your clients and keep a 20% margin on each one.')
    .replace('Our AEs keep full credit: compensation is channel-neutral on every partner deal in your territory.', 'You get a named channel manager once you close your third deal.')
    .replace('Do not bring a competing partner into your pipeline once a partner has registered the deal.', 'Register each opportunity before you quote it.');
  assert.equal(lint(toSellers).kind, 'policy');
  assert.equal(lint(toPartners).kind, 'guide');
});
