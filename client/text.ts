/**
 * Small text helpers for inserting templates. They look at headings only, as a
 * writer would; no analysis of the plan happens in the extension.
 */

const HEADING = /^ {0,3}(#{1,6})[ \t]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** ATX heading depths of a markdown text, skipping front matter and fenced code. */
export function headingDepths(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const depths: number[] = [];
  let start = 0;
  if (lines[0] !== undefined && /^-{3,}\s*$/.test(lines[0])) {
    const end = lines.findIndex((line, i) => i > 0 && /^(-{3,}|\.{3})\s*$/.test(line));
    if (end > 0) start = end + 1;
  }
  let fence: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = HEADING.exec(line);
    if (h) depths.push(h[1].length);
  }
  return depths;
}

/**
 * The heading level a new section should use: the most common depth among the
 * document's section headings (level 2 and below; ties go to the shallower),
 * else 2.
 */
export function sectionHeadingLevel(text: string): number {
  const counts = new Map<number, number>();
  for (const depth of headingDepths(text)) if (depth >= 2) counts.set(depth, (counts.get(depth) ?? 0) + 1);
  let best = 2;
  let bestCount = 0;
  for (const [depth, count] of counts) {
    if (count > bestCount || (count === bestCount && depth < best)) {
      best = depth;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Sets the stage (and archetype) in a whole-plan template's front matter, keeping
 * any snippet tab stop on the line (`stage: ${1:pilot}` -> `stage: ${1:scale}`).
 * Adds the keys when the template has none.
 */
export function withPlanFrontMatter(template: string, archetype: string, stage: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(template);
  if (!fm) {
    return `---\ntype: partnership-plan\narchetypes: [${archetype}]\nstage: ${stage}\n---\n\n${template}`;
  }
  let body = fm[1];
  const setKey = (key: string, value: string) => {
    const line = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm');
    const m = line.exec(body);
    if (!m) {
      body += `\n${key}: ${value}`;
      return;
    }
    const tabStop = /^\$\{(\d+):[^}]*\}$/.exec(m[1].trim());
    const next = tabStop ? `\${${tabStop[1]}:${value}}` : value;
    body = body.slice(0, m.index) + `${key}: ${next}` + body.slice(m.index + m[0].length);
  };
  if (!/^type:/m.test(body)) body = `type: partnership-plan\n${body}`;
  setKey('archetypes', `[${archetype}]`);
  setKey('stage', stage);
  return `---\n${body}\n---${fm[2]}${template.slice(fm[0].length)}`;
}

/**
 * Blank lines to put around a block inserted at a position so that it stands
 * as its own markdown block: text before the cursor on the line (or a non-blank
 * line just above) needs a separating blank line; text after it, too.
 */
export function blockPadding(lineText: string, character: number, previousLine: string | undefined): { before: string; after: string } {
  const beforeCursor = lineText.slice(0, character);
  const afterCursor = lineText.slice(character);
  let before = '';
  if (beforeCursor.trim() !== '') before = '\n\n';
  else if (previousLine !== undefined && previousLine.trim() !== '') before = '\n';
  const after = afterCursor.trim() !== '' ? '\n\n' : '\n';
  return { before, after };
}
