/**
 * Document kinds through the CLI: a partner guide and a policy page get their kind in JSON and
 * SARIF, no readiness, none of the rules the spec switches off for them, and a report that names
 * the kind; a plan keeps its readiness.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, ruleIds, runCli, tempDir, write } from './helpers.js';

const GUIDE = `# Becoming a Northwind reseller

The Northwind partner program is for resellers and MSPs. As a partner you resell Northwind to your customers and keep a 20% margin on every licence.
Your customers get first-line support from you, and we train your engineers. Partners who sell well move up a tier.

## Tiers

| Tier | Requirements | Benefits |
|---|---|---|
| Silver | One certified engineer | 20% margin |
| Gold | Three certified engineers and two closed deals a year | 25% margin, MDF |

## Deal registration

You register each opportunity in the portal; we approve or decline it within 2 business days, and an approved registration holds for 120 days. If two partners register the same account, the first complete registration wins.

## Training

Your engineers take the Northwind certification course in their first month.
`;

const POLICY = `# Northwind deal registration policy

This policy applies to every Northwind reseller and referral partner.
Resellers register each opportunity in the partner portal with the account name and the expected close date.
The channel desk approves or declines every registration within one business day.
If two resellers register the same account, the first complete registration wins, and our direct reps leave registered accounts alone.
Partners keep their margin on every registered deal they close.
`;

const MANAGEMENT_RULES = ['readiness-unproven', 'program-owner', 'success-metrics', 'lifecycle-targets', 'premature-program', 'pilot-shape'];

test('guides and policy pages carry their kind and are spared the plan-only rules', async (t) => {
  const dir = tempDir(t);
  write(dir, 'guide.md', GUIDE);
  write(dir, 'policy.md', POLICY);
  write(dir, 'given.md', `---\nkind: policy\n---\n${GUIDE}`);
  const run = await runCli(['--format', 'json', dir]);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const byName = new Map(parseJsonOutput(run).map((e) => [e.file.split('/').pop()!, e]));
  const guide = byName.get('guide.md')!;
  const policy = byName.get('policy.md')!;
  assert.equal((guide as unknown as { kind: string }).kind, 'guide');
  assert.equal((policy as unknown as { kind: string }).kind, 'policy');
  assert.equal((byName.get('given.md') as unknown as { kind: string }).kind, 'policy', 'front matter kind wins');
  for (const e of [guide, policy]) {
    assert.equal(e.isPlan, true);
    assert.equal(e.readiness, null);
    for (const id of MANAGEMENT_RULES) assert.ok(!ruleIds(e).includes(id), `${e.file}: ${id} fired`);
  }
  // A policy page is judged on what it covers: no "missing topic" findings.
  for (const id of ['exit-criteria', 'enablement-missing', 'tiers-missing', 'pricing-protection', 'value-exchange']) assert.ok(!ruleIds(policy).includes(id), `policy: ${id} fired`);
});

test('SARIF carries the kind as a result property, and the report names it', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'guide.md', GUIDE.replace('within 2 business days', 'within ten business days'));
  const sarif = JSON.parse((await runCli(['--format', 'sarif', file])).stdout);
  const results = sarif.runs[0].results as Array<{ properties?: { documentKind?: string } }>;
  assert.ok(results.length > 0);
  for (const r of results) assert.equal(r.properties?.documentKind, 'guide');
  const report = await runCli(['--report', file], { env: { NO_COLOR: '1' } });
  assert.match(report.stdout, /Partner guide · \d+ findings?/);
  assert.match(report.stdout, /Readiness is scored for plans only/);
});
