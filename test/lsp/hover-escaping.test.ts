/**
 * Text from a document never becomes markup in a hover: a tier named with an image link inside a
 * code span reaches the finding's message, and the hover shows it escaped (nothing to fetch).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol/node.js';
import { LspClient, tempDir, writePlan } from './harness.js';

const PLAN = [
  '---',
  'type: partnership-plan',
  'archetypes: [reseller]',
  '---',
  '# Acme reseller plan',
  '',
  '## Tiers',
  '',
  '| Tier | Entry criteria | Benefits |',
  '|---|---|---|',
  '| `![x](https://evil.example/p.png)` | | 20% margin |',
  '| Gold | Two certified engineers | 25% margin |',
  '',
].join('\n');

test('a hover escapes document text that would be markdown', async (t) => {
  const dir = tempDir('partnerlint-escape-');
  const client = await LspClient.start({ workspaceFolders: [dir], settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(dir, 'plan.md', PLAN);
  await client.open(uri, PLAN);
  const published = await client.waitForDiagnostics(uri, () => true);
  const finding = published.diagnostics.find((d) => d.code === 'tier-criteria' && d.message.includes('evil.example'));
  assert.ok(finding, `a finding naming the tier: ${published.diagnostics.map((d) => d.message).join(' | ')}`);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: finding.range.start });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /\\!\\\[x\\\]\\\(https:\/\/evil\.example/);
  assert.doesNotMatch(value, /(?<!\\)!\[x\]\(/);
});
