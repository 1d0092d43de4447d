/** Programs that span documents, in the core: which links count, what a linked page covers, what it drops. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, documentLinks, lint, type LinkedDocument } from '../../lib/index.js';
import { DEAL_REG_RULES, DEAL_REGISTRATION, MDF, OVERVIEW } from '../handbook.js';

function resolver(pages: Record<string, string>, asked: string[] = []): (href: string) => LinkedDocument | undefined {
  return (href) => {
    asked.push(href);
    return Object.hasOwn(pages, href) ? { text: pages[href], resolved: `/handbook/${href}` } : undefined;
  };
}

test('documentLinks: relative links to markdown files only, fragment and query cut, code skipped', () => {
  const text = [
    '[a](deal-registration.md) [b](./x.md#frag) [c](../policies/mdf.md?x=1) [d](<with space.md>) [e](sub/page.markdown "Title")',
    '[no](https://example.com/a.md) [no](/handbook/a.md) [no](//cdn/a.md) [no](mailto:a@b.md) [no](notes.txt) [no](#section) ![img](pic.md)',
    '`[no](code-span.md)` [f](percent%20name.md)',
    '```',
    '[no](fenced.md)',
    '```',
    '[ref]: reference.md',
  ].join('\n');
  assert.deepEqual(
    documentLinks(text).map((l) => l.href),
    ['deal-registration.md', './x.md', '../policies/mdf.md', '<with space.md>'.slice(1, -1), 'sub/page.markdown', 'percent%20name.md', 'reference.md'],
  );
  const first = documentLinks(text)[0];
  assert.equal(text.slice(first.start, first.end), '[a](deal-registration.md)');
});

test('a topic covered by a linked page is not reported missing; without the page it is', () => {
  const alone = lint(OVERVIEW, { filePath: '/handbook/overview.md' });
  assert.ok(alone.isPlan);
  assert.ok(alone.findings.some((f) => DEAL_REG_RULES.includes(f.ruleId)), 'the overview alone does not describe deal registration');
  assert.ok(alone.findings.some((f) => f.ruleId === 'mdf-claims'));
  assert.equal(alone.coveredElsewhere, undefined);

  const asked: string[] = [];
  const linked = lint(OVERVIEW, { filePath: '/handbook/overview.md', linked: resolver({ 'deal-registration.md': DEAL_REGISTRATION, 'mdf.md': MDF }, asked) });
  assert.deepEqual(asked, ['deal-registration.md', 'mdf.md', 'pricing.md'], 'the resolver is asked for the href without its fragment, once each');
  const ids = linked.findings.map((f) => f.ruleId);
  for (const id of [...DEAL_REG_RULES, 'mdf-claims']) assert.ok(!ids.includes(id), `${id}: ${ids.join(', ')}`);
  const dr = linked.coveredElsewhere?.find((c) => c.topic === 'dealRegistration');
  assert.equal(dr?.label, 'Deal registration');
  assert.equal(dr?.file, 'deal-registration.md');
  assert.equal(dr?.resolved, '/handbook/deal-registration.md');
  assert.equal(OVERVIEW.slice(dr!.startOffset, dr!.endOffset), '[Deal registration](deal-registration.md)');
  assert.equal(linked.coveredElsewhere?.find((c) => c.topic === 'mdf')?.file, 'mdf.md');
  // Findings about other topics stay.
  for (const f of alone.findings) {
    const topic = allRules.find((r) => r.meta.id === f.ruleId)?.meta.topic;
    if (!topic || !linked.coveredElsewhere?.some((c) => c.topic === topic)) assert.ok(ids.includes(f.ruleId), `${f.ruleId} stays`);
  }
});

test('missing, huge and binary linked pages cover nothing; a throwing resolver breaks nothing', () => {
  const withPage = (text: string | undefined) =>
    lint(OVERVIEW, { linked: (href) => (href === 'deal-registration.md' && text !== undefined ? { text } : undefined) });
  const covers = (text: string | undefined) => withPage(text).coveredElsewhere?.some((c) => c.topic === 'dealRegistration') ?? false;
  assert.equal(covers(DEAL_REGISTRATION), true);
  assert.equal(covers(undefined), false);
  assert.equal(covers(DEAL_REGISTRATION + 'x'.repeat(1024 * 1024)), false);
  assert.equal(covers(DEAL_REGISTRATION.replace('Approval', 'Appr\0val')), false);
  const thrown = lint(OVERVIEW, {
    linked: () => {
      throw new Error('boom');
    },
  });
  assert.ok(thrown.findings.some((f) => DEAL_REG_RULES.includes(f.ruleId)));
});

test('links are followed one level: a page linked from a linked page covers nothing', () => {
  const hub = `# MDF policy\n\nResellers earn MDF of 3% of revenue. See [deal registration](deal-registration.md).\n\n## Claims\n\nClaim with invoices and proof of execution.\n`;
  const asked: string[] = [];
  const result = lint(OVERVIEW.replace('- [Deal registration](deal-registration.md)\n', ''), {
    linked: resolver({ 'mdf.md': hub, 'deal-registration.md': DEAL_REGISTRATION }, asked),
  });
  assert.deepEqual(asked, ['mdf.md', 'pricing.md']);
  assert.ok(!result.coveredElsewhere?.some((c) => c.topic === 'dealRegistration'));
});

test('a heading topic covered elsewhere says so in its section summary; text-level findings stay', () => {
  const plan = `# Reseller Partner Guide

Resellers buy at a discount and resell Acme to their customers with a 20% margin.
Resellers run the implementation and give first-line support; partner managers help.

## Deal registration

Resellers register deals in the portal; we approve registrations within 30 days. The full rules are in the [deal registration policy](deal-registration.md).
`;
  const alone = lint(plan);
  const sla = alone.findings.find((f) => f.ruleId === 'deal-reg-sla');
  assert.ok(sla, alone.findings.map((f) => f.ruleId).join(', '));
  const linked = lint(plan, { linked: resolver({ 'deal-registration.md': DEAL_REGISTRATION }) });
  const section = linked.sections.find((s) => s.topic === 'dealRegistration');
  assert.equal(section?.coveredIn, 'deal-registration.md');
  // "within 30 days" is a stated SLA that is too long: about the text, not a missing topic.
  const stays = linked.findings.find((f) => f.ruleId === 'deal-reg-sla');
  assert.equal(stays?.line, sla.line);
  assert.equal(plan.split('\n')[sla.line - 1].includes('30 days'), true);
});

test('a linked page that states a topic in its text, with no section about it, covers it (pricing protection)', () => {
  const guide = [
    '---',
    'partnerlint:',
    '  kind: guide',
    '---',
    '',
    '# Reseller partner program',
    '',
    'Resellers buy at 20% off list and resell our backup appliances to schools.',
    '',
    '## Deal registration',
    '',
    'Register every opportunity before you quote it; the rules are in the [deal registration policy](./deal-registration.md).',
    '',
  ].join('\n');
  const policy = [
    '# Deal registration policy',
    '',
    '## Conflicts',
    '',
    'A registered opportunity is closed to our national-accounts team for as long as the registration lasts.',
    '',
  ].join('\n');
  const alone = lint(guide, { filePath: '/handbook/guide.md' });
  assert.ok(alone.findings.some((f) => f.ruleId === 'pricing-protection'), 'the guide alone protects no price or account');
  const linked = lint(guide, { filePath: '/handbook/guide.md', linked: resolver({ './deal-registration.md': policy }) });
  assert.ok(!linked.findings.some((f) => f.ruleId === 'pricing-protection'), 'the policy closes registered accounts to the direct team');
  assert.ok(linked.coveredElsewhere?.some((c) => c.topic === 'pricingProtection' && c.file === './deal-registration.md'));
  // A policy that only says how conflicts are settled protects no account.
  const weak = policy.replace('A registered opportunity is closed to our national-accounts team for as long as the registration lasts.', 'Conflicts are settled by the channel team.');
  const stillMissing = lint(guide, { filePath: '/handbook/guide.md', linked: resolver({ './deal-registration.md': weak }) });
  assert.ok(stillMissing.findings.some((f) => f.ruleId === 'pricing-protection'));
});

test('something missing, said in the paragraph that links to the page covering it, is covered there', () => {
  const guide = `# Reseller Partner Guide

Resellers buy at a discount and resell Acme to their customers with a 20% margin.
Resellers run the implementation and give first-line support; partner managers help.

**Deal registration.** Approved registrations protect a net-new opportunity from other partners. How to register, review times and validity are in the [deal registration policy](deal-registration.md).
`;
  const alone = lint(guide);
  assert.ok(alone.findings.some((f) => f.ruleId === 'deal-reg-expiry'), alone.findings.map((f) => f.ruleId).join(', '));
  const linked = lint(guide, { linked: resolver({ 'deal-registration.md': DEAL_REGISTRATION }) });
  assert.equal(linked.findings.find((f) => f.ruleId === 'deal-reg-expiry'), undefined);
});
