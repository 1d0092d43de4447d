/**
 * Inserting a section template answers the findings about its topic and changes nothing else: the
 * template's words (with their ‹…› placeholders) never fire another rule and never silence one,
 * except rules that read the inserted topic itself (the deal-registration section answers its SLA,
 * expiry and conflict rule; vanity-partners asks for enablement or partner revenue tracking).
 * Applying the same fix again finds it already in the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, applyFixes, lint, templates } from '../../lib/index.js';
import { keyedFiles, labelledCorpora, shownAs } from '../helpers.js';

/** Rules whose question the inserted topic answers, besides the rule that offered the fix. */
const READS_INSERTED_TOPIC = new Set(['vanity-partners', 'unfilled-placeholder']);

const count = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

test('an inserted section template fires and silences no unrelated rule, and is not offered twice', () => {
  const problems: string[] = [];
  let tried = 0;
  for (const corpus of labelledCorpora()) {
    if (path.basename(corpus) === 'unseen') continue;
    for (const file of keyedFiles(corpus)) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      const before = lint(text, { filePath: file });
      if (!before.isPlan) continue;
      for (const finding of before.findings) {
        const fix = finding.fixes?.find((f) => f.templateId);
        if (!fix) continue;
        tried++;
        const fixed = applyFixes(text, [{ ...finding, fixes: [fix] }], { safeOnly: false }).text;
        const after = lint(fixed, { filePath: file });
        const topic = templates.find((t) => t.id === fix.templateId)?.topic;
        const sameTopic = new Set(allRules.filter((r) => topic && r.meta.topic === topic).map((r) => r.meta.id));
        const others = (r: typeof before) => count(r.findings.map((f) => f.ruleId).filter((id) => id !== finding.ruleId && !READS_INSERTED_TOPIC.has(id) && !sameTopic.has(id)));
        const [b, a] = [others(before), others(after)];
        for (const id of new Set([...b.keys(), ...a.keys()])) {
          if ((b.get(id) ?? 0) !== (a.get(id) ?? 0)) problems.push(shownAs(corpus, `${file}: inserting for ${finding.ruleId} changed ${id} (${b.get(id) ?? 0} -> ${a.get(id) ?? 0})`));
        }
        if (after.findings.some((f) => f.ruleId === finding.ruleId && f.fixes?.some((x) => x.templateId === fix.templateId))) problems.push(shownAs(corpus, `${file}: ${finding.ruleId} offers its template again`));
      }
    }
  }
  assert.ok(tried > 30, `only ${tried} template inserts tried`);
  assert.deepEqual(problems, []);
});
