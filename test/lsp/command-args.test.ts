/**
 * Command arguments that name files or rules: `partnerlint.readinessReport` reads only open
 * documents and markdown files inside the workspace folders (by path and by real path);
 * `partnerlint.showRuleDocs` shows only the pages of rules Partnerlint has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { ruleDocsUrl } from '../../lib/index.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

const report = (client: LspClient, uri: string) =>
  client.request<string | null>('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [uri] });

test('the readiness report reads open documents and markdown files inside the workspace, nothing else', async (t) => {
  const base = tempDir();
  const workspace = path.join(base, 'workspace');
  const inside = writePlan(workspace, 'plans/plan.md', RESELLER_PLAN);
  const outside = writePlan(base, 'elsewhere/secret.md', RESELLER_PLAN);
  writePlan(workspace, 'notes.txt', RESELLER_PLAN);
  fs.symlinkSync(outside.file, path.join(workspace, 'link.md'));
  const client = await LspClient.start({ workspaceFolders: [workspace] });
  t.after(() => client.dispose());

  assert.match((await report(client, inside.uri)) ?? '', /Readiness/, 'a closed plan inside the workspace');
  const refused = [
    outside.uri,
    `${pathToFileURL(workspace).href}/../elsewhere/secret.md`,
    `${pathToFileURL(workspace).href}/plans/../../elsewhere/secret.md`,
    pathToFileURL(path.join(workspace, 'link.md')).href,
    pathToFileURL(path.join(workspace, 'notes.txt')).href,
    'file:///etc/passwd',
    'file:///proc/self/status',
    'file:///proc/self/environ',
    `${pathToFileURL(workspace).href}/../../../../../../etc/passwd`,
  ];
  for (const uri of refused) assert.equal(await report(client, uri), null, uri);

  // An open document is reported wherever it lives: the editor sent its text.
  await client.open(outside.uri, RESELLER_PLAN);
  assert.match((await report(client, outside.uri)) ?? '', /Readiness/, 'an open document outside the workspace');
});

test('without workspace folders only open documents are reported', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const plan = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  assert.equal(await report(client, plan.uri), null);
  await client.open(plan.uri, RESELLER_PLAN);
  assert.match((await report(client, plan.uri)) ?? '', /Readiness/);
});

test('showRuleDocs shows only the pages of known rules', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const show = (args: unknown[]) => client.request('workspace/executeCommand', { command: 'partnerlint.showRuleDocs', arguments: args });
  assert.deepEqual(await show(['margin-range']), { url: ruleDocsUrl('margin-range'), shown: true });
  for (const id of ['../../etc/passwd', '../../../../../../etc/passwd', '/etc/passwd', 'margin-range/../../../../etc/passwd', '__proto__', 'constructor', 'no-such-rule', '', 42, null]) {
    assert.equal(await show([id]), null, JSON.stringify(id));
  }
  assert.deepEqual(client.shownDocuments, [ruleDocsUrl('margin-range')], 'nothing else was shown');
});

test('a diagnostic sent back with an unknown rule id gets no "Show documentation" action', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const margin = published.diagnostics.find((d) => d.code === 'margin-range') as Diagnostic;
  const forged: Diagnostic = { ...margin, code: '../../etc/passwd', data: { ...(margin.data as object), ruleId: '../../etc/passwd' } };
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: margin.range, context: { diagnostics: [margin, forged] } });
  const docs = actions.filter((a) => a.title.startsWith('Show documentation'));
  assert.deepEqual(docs.map((a) => a.title), ['Show documentation for “Partner margins and fees”']);
});
