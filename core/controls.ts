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
  // Line controls, by the line they silence.
  const byLine = new Map<number, Control[]>();
  for (const c of controls) {
    const line = c.kind === 'disable-next-line' ? c.line + 1 : c.kind === 'disable-line' ? c.line : 0;
    if (line) (byLine.get(line) ?? byLine.set(line, []).get(line)!).push(c);
  }
  const ranges = controls.filter((c) => c.kind === 'disable' || c.kind === 'enable');
  // Findings in offset order, the range controls before each applied once (a sweep, not findings x controls).
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].startOffset - findings[b].startOffset);
  const keep = new Array<boolean>(findings.length).fill(true);
  let all = false;
  const perRule = new Map<string, boolean>();
  let next = 0;
  for (const i of order) {
    const f = findings[i];
    for (; next < ranges.length && ranges[next].offset <= f.startOffset; next++) {
      const c = ranges[next];
      if (!c.rules) {
        all = c.kind === 'disable';
        perRule.clear();
      } else for (const id of c.rules) perRule.set(id, c.kind === 'disable');
    }
    if (byLine.get(f.line)?.some((c) => matches(c, f.ruleId))) keep[i] = false;
    else if (f.line === 1) keep[i] = !lineOneDisabled(f, ranges, matches);
    else keep[i] = !(perRule.get(f.ruleId) ?? all);
  }
  return findings.filter((_, i) => keep[i]);
}

/** On line 1 (where whole-plan findings sit) a disable anywhere in the document counts. */
function lineOneDisabled(f: Finding, ranges: Control[], matches: (c: Control, id: string) => boolean): boolean {
  let disabled = false;
  for (const c of ranges) {
    if (!matches(c, f.ruleId)) continue;
    if (c.offset <= f.startOffset || c.kind === 'disable') disabled = c.kind === 'disable';
  }
  return disabled;
}

/** Rule ids named in control comments that do not exist. */
export function unknownControlRules(controls: Control[], known: Set<string>): Array<{ id: string; line: number }> {
  const out: Array<{ id: string; line: number }> = [];
  for (const c of controls) for (const id of c.rules ?? []) if (!known.has(id)) out.push({ id, line: c.line });
  return out;
}
