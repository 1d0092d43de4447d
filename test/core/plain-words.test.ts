/**
 * What a head of partnerships reads is written in words, not internal keys: every message,
 * section summary, readiness reason, benchmark label, title summary and report of every labelled
 * document is scanned for camelCase identifiers and quoted precondition keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, PRECONDITIONS, readinessReport, titleSummary } from '../../lib/index.js';
import { keyedFiles, labelledCorpora, shownAs } from '../helpers.js';

const corpora = labelledCorpora();

/** An identifier such as `directSales` or `dealRegistration` (a lower-case word with a capital inside). */
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const QUOTED_KEY = new RegExp(`["'\`](?:${PRECONDITIONS.join('|')})["'\`]`);

test('rendered strings of every labelled document contain no internal keys', () => {
  const bad: string[] = [];
  let strings = 0;
  for (const dir of corpora) {
    for (const file of keyedFiles(dir)) {
      const r = lint(fs.readFileSync(path.join(dir, file), 'utf8'), { filePath: path.join(dir, file) });
      const rendered = [
        ...r.findings.map((f) => f.message),
        ...r.sections.flatMap((s) => [s.label, ...s.present, ...s.missing]),
        ...r.benchmarks.flatMap((b) => [b.subject, b.band.label]),
        ...(r.readiness ? [...r.readiness.breakdown, ...Object.values(r.readiness.details).map((d) => d.reason)] : []),
        ...(r.isPlan ? [titleSummary(r), readinessReport(r)] : []),
      ];
      for (const s of rendered) {
        strings++;
        // Code spans in the report name rule ids on purpose; what is around them must read as words.
        const text = s.replace(/`[^`]*`/g, '');
        if (CAMEL.test(text) || QUOTED_KEY.test(text)) bad.push(shownAs(dir, `${path.basename(dir)}/${file}: ${s.slice(0, 160)}`));
      }
    }
  }
  assert.ok(strings > 500, `expected many rendered strings, saw ${strings}`);
  assert.deepEqual(bad, []);
});

test('a share the author wrote in words is quoted in their words, with its number', () => {
  const text = '---\nstage: stabilize\n---\n# Dealer plan\n\n## Targets\n\n- Target: dealers bring in a third of our total revenue by month 24.\n';
  const r = lint(text, { detect: 'always' });
  const f = r.findings.find((x) => x.ruleId === 'lifecycle-targets');
  assert.ok(f, r.findings.map((x) => x.ruleId).join(', '));
  assert.match(f.message, /^A channel share of a third \(33%\) by month 24 /);
});
