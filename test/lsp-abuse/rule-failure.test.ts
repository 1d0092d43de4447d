/**
 * A rule that throws: the engine turns it into one finding naming the rule, and the server
 * publishes that as an error diagnostic next to every other rule's findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import type { Hover } from 'vscode-languageserver-protocol/node.js';
import { allRules } from '../../lib/index.js';
import { createServer } from '../../server/server.js';
import { LspClient, writePlan } from '../lsp/harness.js';
import { RESELLER_PLAN } from '../lsp/fixtures.js';
import { assertMatchesEngine, engineFindings, scratchDir } from './util.js';

/** A server in this process, so it runs the rules this test has tampered with. */
function inProcessServer(settings: Record<string, unknown> = {}): Promise<LspClient> {
  return LspClient.inProcess({ settings }, (reader, writer) => {
    const connection = createConnection(ProposedFeatures.all, reader, writer);
    createServer(connection);
    connection.listen();
  });
}

/** Makes a rule throw until the test ends. */
function breakRule(t: { after: (fn: () => void) => void }, id: string, failure: () => never): void {
  const rule = allRules.find((r) => r.meta.id === id);
  assert.ok(rule, `rule ${id} exists`);
  const check = rule.check;
  rule.check = failure;
  t.after(() => {
    rule.check = check;
  });
}

test('a rule that throws yields one error diagnostic naming it, and the other findings still arrive', async (t) => {
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  const healthy = engineFindings(RESELLER_PLAN, file);
  assert.ok(healthy.some((f) => f.ruleId === 'margin-range'), 'margin-range has a finding on the fixture');
  assert.ok(healthy.some((f) => f.ruleId !== 'margin-range'), 'other rules have findings on the fixture');

  breakRule(t, 'margin-range', () => {
    throw new Error('benchmark table missing');
  });
  const client = await inProcessServer({ debounceMs: 0 });
  t.after(() => client.dispose());
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);

  const failed = published.diagnostics.filter((d) => d.code === 'margin-range');
  assert.equal(failed.length, 1, 'exactly one diagnostic for the failing rule');
  assert.equal(failed[0].message, 'Rule "margin-range" failed on this document and was skipped: benchmark table missing');
  assert.equal(failed[0].severity, 1, 'shown as an error');
  assert.equal(failed[0].source, 'partnerlint');
  assert.equal(failed[0].range.start.line, RESELLER_PLAN.split('\n').findIndex((l) => l.startsWith('# ')), 'placed on the title');

  // Every other rule's findings arrive unchanged.
  const others = published.diagnostics.filter((d) => d.code !== 'margin-range');
  const expected = healthy.filter((f) => f.ruleId !== 'margin-range');
  assert.deepEqual(
    others.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character]),
    expected.map((f) => [f.ruleId, f.message, f.line - 1, f.column - 1]),
  );

  // Hover on the title still explains the score; the failure shows there too.
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: failed[0].range.start });
  assert.match(JSON.stringify(hover), /failed on this document and was skipped/);
});

test('a rule that throws something that is not an Error, on every edit, is reported each time; once it recovers, its findings return', async (t) => {
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  let broken = true;
  const rule = allRules.find((r) => r.meta.id === 'deal-reg-sla')!;
  const check = rule.check;
  rule.check = (ctx) => {
    if (broken) throw 'no SLA table';
    check.call(rule, ctx);
  };
  t.after(() => {
    rule.check = check;
  });
  const client = await inProcessServer({ debounceMs: 0 });
  t.after(() => client.dispose());
  await client.open(uri, RESELLER_PLAN);
  for (let version = 1; version <= 3; version++) {
    if (version > 1) await client.change(uri, version, `${RESELLER_PLAN}${'\n'.repeat(version)}`);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    const failed = published.diagnostics.filter((d) => d.code === 'deal-reg-sla');
    assert.deepEqual(failed.map((d) => d.message), ['Rule "deal-reg-sla" failed on this document and was skipped: no SLA table'], `version ${version}`);
    assert.ok(published.diagnostics.length > 1, 'other rules still report');
  }
  broken = false;
  const text = `${RESELLER_PLAN}\n`;
  await client.change(uri, 4, text);
  const healed = await client.waitForDiagnostics(uri, (p) => p.version === 4);
  assertMatchesEngine(healed.diagnostics, text, file, 4, 'after the rule recovered');
  assert.ok(healed.diagnostics.some((d) => d.code === 'deal-reg-sla' && !/failed on this document/.test(d.message)));
});
