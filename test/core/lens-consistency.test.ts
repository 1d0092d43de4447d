/**
 * No finding contradicts a section lens on the same document: over every labelled document, a
 * rule that reports an element missing from a section finds that element listed as missing in the
 * section's lens, and a lens that lists it present never sits beside that finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../lib/index.js';
import { keyedFiles, labelledCorpora, shownAs } from '../helpers.js';

const corpora = labelledCorpora();

/** A rule's "missing element" finding and the lens element it speaks of. */
const ELEMENT_OF: Record<string, { topic: string; element: string }> = {
  'deal-reg-sla': { topic: 'dealRegistration', element: 'SLA' },
  'deal-reg-expiry': { topic: 'dealRegistration', element: 'expiry' },
  'deal-reg-conflicts': { topic: 'dealRegistration', element: 'conflict rule' },
  'mdf-claims': { topic: 'mdf', element: 'claims against a plan or proof' },
  'commission-ops': { topic: 'economics', element: 'payout cadence' },
};

test('section lenses and findings agree on every labelled document', () => {
  const contradictions: string[] = [];
  let compared = 0;
  for (const dir of corpora) {
    for (const file of keyedFiles(dir)) {
      const r = lint(fs.readFileSync(path.join(dir, file), 'utf8'), { filePath: path.join(dir, file) });
      for (const f of r.findings) {
        const el = ELEMENT_OF[f.ruleId];
        // Findings on the section's heading say the element is missing from that section (the info
        // variants are about a value that is there, out of band).
        if (!el || f.severity === 'info') continue;
        const lens = r.sections.find((s) => s.topic === el.topic && s.line === f.line);
        if (!lens) continue;
        compared++;
        if (lens.present.includes(el.element)) contradictions.push(shownAs(dir, `${path.basename(dir)}/${file}:${f.line} ${f.ruleId} fires, the lens shows "${el.element}" present`));
      }
      // An exit-criteria finding and an exit section whose lens shows both kinds of exit cannot stand together.
      if (r.findings.some((f) => f.ruleId === 'exit-criteria')) {
        for (const s of r.sections.filter((x) => x.topic === 'exitCriteria')) {
          compared++;
          if (s.missing.length === 0) contradictions.push(shownAs(dir, `${path.basename(dir)}/${file}: exit-criteria fires beside a complete exit section (line ${s.line})`));
        }
      }
      // A lens that lists an element missing while its rule, which applies here, is silent about the section.
      for (const s of r.sections) {
        for (const [ruleId, el] of Object.entries(ELEMENT_OF)) {
          if (el.topic !== s.topic || !s.missing.includes(el.element) || s.coveredIn) continue;
          compared++;
          const fired = r.findings.some((f) => f.ruleId === ruleId);
          const applies = r.kind !== null;
          if (applies && !fired && ruleId.startsWith('deal-reg') && r.findings.some((f) => f.ruleId === 'unfilled-placeholder')) continue;
          if (applies && !fired && ruleId !== 'commission-ops') contradictions.push(shownAs(dir, `${path.basename(dir)}/${file}:${s.line} the lens says "${el.element}" is missing, ${ruleId} is silent`));
        }
      }
    }
  }
  assert.ok(compared > 20, `expected lenses to compare, saw ${compared}`);
  assert.deepEqual(contradictions, []);
});
