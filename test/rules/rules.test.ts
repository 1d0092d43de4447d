/**
 * Per-rule fixture tests: each rule fires where it should and stays silent where it
 * should not; every fix is applied, the document linted again, and the rule must no
 * longer fire there. Each rule's documentation example must fire the rule too.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, applyFixes, defaultConfig, lint, type ResolvedConfig } from '../../lib/index.js';
import { cases } from './cases.js';

/** Lines before the body: the front matter block and the blank line after it. */
function prefixLines(text: string): number {
  const m = /^---\n[\s\S]*?\n---\n\n/.exec(text);
  return m ? m[0].split('\n').length - 1 : 0;
}

function only(ruleId: string): ResolvedConfig {
  const c = defaultConfig();
  for (const id of Object.keys(c.rules)) if (id !== ruleId) c.rules[id].severity = 'off';
  return c;
}

test('every rule has fixture cases', () => {
  assert.deepEqual(allRules.map((r) => r.meta.id).filter((id) => !cases[id]), []);
});

for (const rule of allRules) {
  const id = rule.meta.id;
  const c = cases[id];
  if (!c) continue;
  describe(id, () => {
    for (const f of c.fires) {
      test(`fires: ${f.name}`, () => {
        const r = lint(f.text, { config: only(id) });
        const mine = r.findings.filter((x) => x.ruleId === id);
        assert.deepEqual(mine.map((x) => x.line - prefixLines(f.text)), f.lines, mine.map((x) => x.message).join('\n'));
        if (f.severities) assert.deepEqual(mine.map((x) => x.severity), f.severities);
        for (const x of mine) {
          assert.ok(x.startOffset <= x.endOffset && x.endOffset <= f.text.length);
          assert.ok(x.message.length > 10);
        }
        // Apply each fix on its own and lint again: that finding must be gone.
        for (const x of mine) {
          for (const fix of x.fixes ?? []) {
            const fixed = applyFixes(f.text, [{ ...x, fixes: [fix] }], { safeOnly: false });
            assert.equal(fixed.applied.length, 1);
            const again = lint(fixed.text, { config: only(id) }).findings.filter((y) => y.ruleId === id);
            assert.ok(again.length < mine.length, `fix "${fix.title}" left ${again.length} finding(s):\n${fixed.text}`);
          }
        }
      });
    }
    for (const p of c.passes) {
      test(`passes: ${p.name}`, () => {
        const r = lint(p.text, { config: only(id) });
        assert.deepEqual(r.findings.filter((x) => x.ruleId === id).map((x) => `${x.line}: ${x.message}`), []);
      });
    }
    test('its documentation example fires it', () => {
      const text = rule.meta.docs.example.startsWith('---') ? rule.meta.docs.example : `---\ntype: partnership-plan\n---\n\n${rule.meta.docs.example}`;
      const r = lint(text, { config: only(id) });
      assert.ok(r.findings.some((x) => x.ruleId === id), `example did not fire ${id}:\n${text}`);
    });
  });
}

test('rules declared safe offer safe fixes, and only they do', () => {
  const text = `---\ntype: partnership-plan\narchetypes: [referral]\n---\n# P\n\nReferral partners earn 12% of first-year ACV.\n\n## Deal registration\n\n- Partners register referrals.\n`;
  const safeIds = new Set(lint(text).findings.filter((f) => f.fixes?.some((x) => x.safe)).map((f) => f.ruleId));
  for (const id of safeIds) assert.equal(allRules.find((r) => r.meta.id === id)?.meta.safeFix, true, id);
  for (const r of allRules) if (r.meta.safeFix) assert.equal(r.meta.fixable, true, r.meta.id);
});
