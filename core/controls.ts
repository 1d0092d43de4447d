/**
 * Inline control comments:
 *   <!-- partnerlint-disable RULE... -->            until a matching enable (no ids: every rule)
 *   <!-- partnerlint-enable RULE... -->
 *   <!-- partnerlint-disable-next-line RULE... -->  the line after the comment
 *   <!-- partnerlint-disable-line RULE... -->       the comment's own line
 */
import type { Finding } from './types.js';
import type { PlanModel } from './model.js';

interface Control {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[] | null;
  offset: number;
  line: number;
}

const CONTROL = /<!--\s*partnerlint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

export function readControls(plan: PlanModel): Control[] {
  const out: Control[] = [];
  for (const c of plan.htmlComments) {
    CONTROL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CONTROL.exec(c.value))) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      const end = c.start + m.index + m[0].length;
      out.push({ kind: m[1] as Control['kind'], rules: ids.length ? ids : null, offset: end, line: plan.lines.lineOf(end - 1) + 1 });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

export function applyControls(findings: Finding[], controls: Control[]): Finding[] {
  if (!controls.length) return findings;
  const matches = (c: Control, id: string) => !c.rules || c.rules.includes(id);
  return findings.filter((f) => {
    let disabled = false;
    for (const c of controls) {
      if (!matches(c, f.ruleId)) continue;
      if (c.kind === 'disable-next-line' && f.line === c.line + 1) return false;
      if (c.kind === 'disable-line' && f.line === c.line) return false;
      if (c.offset <= f.startOffset || (f.line === 1 && c.kind === 'disable')) {
        if (c.kind === 'disable') disabled = true;
        else if (c.kind === 'enable') disabled = false;
      }
    }
    return !disabled;
  });
}

/** Rule ids named in control comments that do not exist. */
export function unknownControlRules(controls: Control[], known: Set<string>): Array<{ id: string; line: number }> {
  const out: Array<{ id: string; line: number }> = [];
  for (const c of controls) for (const id of c.rules ?? []) if (!known.has(id)) out.push({ id, line: c.line });
  return out;
}
