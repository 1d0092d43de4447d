/**
 * `partnerlint --fix` never writes a commitment: on every labelled document (the shared examples,
 * the real-world pages and the team's corpora), each line a fix adds holds no figure of its own
 * (numbers, names and dates are placeholders), and linting the result again reports
 * `unfilled-placeholder` once for each placeholder inserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonOutput, runCli, tempDir } from './helpers.js';
import { keyedFiles, labelledCorpora, shownAs } from '../helpers.js';

const corpora = labelledCorpora();

const PLACEHOLDER = /‹[^‹›\r\n]{1,80}›/g;

test('--fix on every labelled document writes placeholders, never figures, and each one is reported', async (t) => {
  const dir = tempDir(t, 'partnerlint-fix-ph-');
  const originals = new Map<string, string>();
  for (const corpus of corpora) {
    for (const file of keyedFiles(corpus)) {
      const name = `${path.basename(corpus)}--${file.replace(/[\\/]/g, '_')}`;
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      fs.writeFileSync(path.join(dir, name), text);
      originals.set(name, text);
    }
  }
  assert.ok(originals.size >= 40, `expected the labelled corpora, found ${originals.size} documents`);
  const fixed = await runCli(['--fix', dir]);
  assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
  let inserted = 0;
  let changedFiles = 0;
  const expectPlaceholders = new Map<string, number>();
  for (const [name, before] of originals) {
    const after = fs.readFileSync(path.join(dir, name), 'utf8');
    if (after === before) continue;
    changedFiles++;
    const old = new Set(before.split(/\r\n|\r|\n/));
    const added = after.split(/\r\n|\r|\n/).filter((l) => !old.has(l));
    for (const line of added) {
      // A figure the author did not write: any digit outside a placeholder and outside a heading. The
      // number of an item added to a numbered list ("5) Approval SLA: …") is the list's, not a figure.
      // (assert.ok, not doesNotMatch: a failure shows only the message, which hides blind documents.)
      if (/^\s*#/.test(line)) continue;
      const body = line.replace(/^\s*(?:>\s*)*(?:[-*+]|\d{1,3}[.)])\s+/, '').replace(PLACEHOLDER, '');
      assert.ok(!/\d/.test(body), shownAs(name.split('--')[0], `${name}: --fix wrote a figure: ${line}`));
    }
    const count = added.join('\n').match(PLACEHOLDER)?.length ?? 0;
    assert.ok(count > 0, shownAs(name.split('--')[0], `${name}: --fix added text without any placeholder`));
    expectPlaceholders.set(name, count + (before.match(PLACEHOLDER)?.length ?? 0));
    inserted += count;
  }
  assert.ok(changedFiles >= 5 && inserted >= 10, `expected --fix to insert templates (${changedFiles} files, ${inserted} placeholders)`);
  const again = await runCli(['--format', 'json', dir]);
  for (const entry of parseJsonOutput(again)) {
    const name = path.basename(entry.file);
    if (!expectPlaceholders.has(name)) continue;
    const reported = entry.findings.filter((f) => f.ruleId === 'unfilled-placeholder').length;
    assert.equal(reported, expectPlaceholders.get(name), shownAs(name.split('--')[0], `${name}: unfilled-placeholder findings`));
  }
});
