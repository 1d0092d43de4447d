/**
 * Incremental analysis through the language server: the diagnostics published after each
 * incremental edit equal those of a from-scratch lint of the same text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol/node.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { engineResult } from './fixtures.js';
import { seededRandom, sharedDir } from '../helpers.js';

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** What a user sees of a diagnostic. */
function shown(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

test('diagnostics after each incremental edit equal a fresh lint of the text', async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const examples = path.join(sharedDir, 'examples');
  const random = seededRandom(11);
  const snippets = ['x', '\n', '| a | b |\n', '```\n', '## Tiers\n', '- Referral partners earn 40% of first-year ACV.\n', '---\n', '<!-- partnerlint-disable -->\n', ''];
  let edits = 0;
  for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    edits += await editAndCompare(client, path.join(examples, name), random, snippets);
  }
  console.log(`# ${edits} edits compared`);
});

async function editAndCompare(client: LspClient, example: string, random: () => number, snippets: string[]): Promise<number> {
  let text = fs.readFileSync(example, 'utf8');
  const { file, uri } = writePlan(tempDir(), path.basename(example), text);
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  let version = 1;
  for (let i = 0; i < 20; i++) {
    // Edits land next to headings (where pieces meet), at line starts (where structures begin)
    // and inside lines, sometimes deleting.
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const nearHeadings = [...text.matchAll(/\n#/g)].flatMap((m) => [m.index!, Math.max(0, m.index! - 3), m.index! + 2]);
    const roll = random();
    const pool = roll < 0.4 && nearHeadings.length ? nearHeadings : roll < 0.7 ? lineStarts : null;
    let start = pool ? pool[Math.floor(random() * pool.length)] : Math.floor(random() * text.length);
    let end = Math.min(text.length, start + (random() < 0.3 ? Math.floor(random() * 40) : 0));
    let newText = snippets[Math.floor(random() * snippets.length)];
    if (random() < 0.15) {
      // A section copied to a heading elsewhere: the document then holds the same text twice.
      const heads = [...text.matchAll(/^## /gm)].map((m) => m.index!);
      if (heads.length > 2) {
        const k = Math.floor(random() * (heads.length - 1));
        newText = text.slice(heads[k], heads[k + 1]);
        start = end = heads[Math.floor(random() * heads.length)];
      }
    }
    version++;
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    text = await client.edit(uri, version, [{ range, newText }]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    const fresh = engineResult(text, file).findings.map((f) => `${f.ruleId} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.message}`);
    assert.deepEqual(published.diagnostics.map(shown), fresh, `${path.basename(example)}, edit ${i}: ${JSON.stringify(newText)} at ${start}-${end}`);
  }
  await client.close(uri);
  return version - 1;
}
