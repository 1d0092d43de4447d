/**
 * Front matter and config files with YAML nested a thousand levels deep (a
 * few kilobytes) used to overflow the yaml library's stack, and parsing it
 * again aborted the process. The server must read such documents as
 * markdown, report the config file, and keep answering.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { pathToFileURL } from 'node:url';
import { lint } from '../../lib/index.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

const BODY = RESELLER_PLAN.slice(RESELLER_PLAN.indexOf('\n---\n') + 5);

/** Front matters nested far too deep: flow collections, and block maps the parser nests by recovering from errors. */
const HOSTILE_FRONT_MATTER = [
  `x: ${'['.repeat(1000)}${']'.repeat(1000)}`,
  `x: ${'{'.repeat(3000)}${'}'.repeat(3000)}`,
  'k: :\n'.repeat(1000),
  `x: [${'a: '.repeat(3000)}]`,
];

function hostilePlan(frontMatter: string): string {
  return `---\ntype: partnership-plan\n${frontMatter}\n---\n${BODY}`;
}

test('documents and config files with YAML nested thousands of levels deep: the server reads the markdown and keeps answering', async (t) => {
  const dir = tempDir();
  // A config file as deep, next to the plans.
  fs.writeFileSync(path.join(dir, '.partnerlintrc.json'), `{"rules": ${'['.repeat(1000)}${']'.repeat(1000)}}`);
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => client.dispose());

  for (const [i, frontMatter] of HOSTILE_FRONT_MATTER.entries()) {
    const text = hostilePlan(frontMatter);
    const { file, uri } = writePlan(dir, `plan-${i}.md`, text);
    await client.open(uri, text);
    const opened = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // The markdown is still linted: the out-of-band margin is reported.
    assert.ok(opened.diagnostics.some((d) => d.code === 'margin-range'), `plan-${i}: the plan is linted`);
    assert.ok(
      lint(text, { filePath: file }).frontMatterProblems?.some((p) => /front matter not read: its lists and maps are nested too deeply/.test(p.message)),
      `plan-${i}: the front matter is reported`,
    );

    // An edit parses the document again.
    await client.change(uri, 2, text.replace('keep a 32% margin', 'keep a 33% margin'));
    await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const margin = opened.diagnostics.find((d) => d.code === 'margin-range')!;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: margin.range.start });
    assert.ok(hover, `plan-${i}: a hover answers after the edit`);
  }

  // The config file: one problem, naming what is wrong without quoting the file.
  const configUri = pathToFileURL(path.join(dir, '.partnerlintrc.json')).href;
  const config: PublishDiagnosticsParams = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
  assert.equal(config.diagnostics.length, 1);
  assert.match(config.diagnostics[0].message, /^not read: its lists and maps are nested too deeply to read safely; the default settings are used instead$/);

  // Another, ordinary document is served as before.
  const { uri } = writePlan(dir, 'ordinary.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const margin = diagnostics.diagnostics.find((d) => d.code === 'margin-range')!;
  assert.ok(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: margin.range.start }));
  assert.equal(await client.shutdown(), 0, 'the server exits normally');
});
