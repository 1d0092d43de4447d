/**
 * Front matter: the YAML block at the top of a plan, read within limits, with its known keys
 * (type, archetypes, stage, arr, kind) checked and problems with them recorded.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { checkYamlLimits, describeYamlLimit, parseYamlOnce } from './yaml-limits.js';
import type { Archetype, DocumentKind, Stage } from './types.js';
import { ARCHETYPES, DOCUMENT_KINDS, STAGES } from './types.js';
import { frontMatterKind, frontMatterKindValue } from './kind.js';
import { parseMoneyValue } from './numbers.js';

export const FrontMatterSchema = z
  .object({
    type: z.string().optional(),
    partnerlint: z.unknown().optional(),
    archetypes: z.union([z.enum(ARCHETYPES), z.array(z.enum(ARCHETYPES))]).optional(),
    stage: z.enum(STAGES).optional(),
    arr: z.union([z.number(), z.string()]).optional(),
    scope: z.string().optional(),
    kind: z.enum(DOCUMENT_KINDS).optional(),
  })
  .passthrough();

export interface FrontMatter {
  data: Record<string, unknown>;
  archetypes?: Archetype[];
  stage?: Stage;
  kind?: DocumentKind;
  arr?: number;
  type?: string;
  hasPartnerlintKey: boolean;
  start: number;
  end: number;
  /** Problems with known keys (wrong type, unknown archetype); the value is then ignored. */
  problems: Array<{ key: string; message: string }>;
}

/** Reads the front matter block (`start`/`end`: its document offsets). */
export function readFrontMatter(value: string, start: number, end: number): FrontMatter {
  const fm: FrontMatter = { data: {}, hasPartnerlintKey: false, start, end, problems: [] };
  let raw: unknown;
  const exceeded = checkYamlLimits(value);
  if (exceeded) {
    fm.problems.push({ key: '', message: `front matter not read: ${describeYamlLimit(exceeded)}; the rest of the plan is checked as usual` });
    return fm;
  }
  try {
    raw = parseYamlOnce('front matter', value, (text) => parseYaml(text, { maxAliasCount: 50, prettyErrors: false, logLevel: 'error' }));
  } catch (e) {
    fm.problems.push({ key: '', message: `front matter is not valid YAML (${(e as Error).message.split('\n')[0]})` });
    return fm;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fm;
  const data = raw as Record<string, unknown>;
  fm.data = data;
  fm.hasPartnerlintKey = 'partnerlint' in data;
  fm.kind = frontMatterKind(data);
  if (frontMatterKindValue(data) !== undefined && !fm.kind) fm.problems.push({ key: 'kind', message: `front matter \`kind\` should be one of ${DOCUMENT_KINDS.join(', ')}` });
  for (const key of ['type', 'archetypes', 'stage', 'arr'] as const) {
    if (!(key in data)) continue;
    const shape = (FrontMatterSchema.shape as Record<string, z.ZodType>)[key];
    let value = data[key];
    if (key === 'archetypes' || key === 'stage') {
      const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
      value = Array.isArray(value) ? value.map(norm) : norm(value);
    }
    const r = shape.safeParse(value, { jitless: true });
    if (!r.success) {
      const expected =
        key === 'archetypes' ? `one or more of ${ARCHETYPES.join(', ')}` : key === 'stage' ? `one of ${STAGES.join(', ')}` : key === 'arr' ? 'a number or an amount like "$1.2M"' : 'a string';
      fm.problems.push({ key, message: `front matter \`${key}\` should be ${expected}` });
      continue;
    }
    if (key === 'archetypes') fm.archetypes = ([] as Archetype[]).concat(r.data as Archetype | Archetype[]);
    else if (key === 'stage') fm.stage = r.data as Stage;
    else if (key === 'type') fm.type = String(r.data);
    else if (key === 'arr') {
      const v = parseMoneyValue(r.data);
      if (v === null) fm.problems.push({ key, message: 'front matter `arr` should be a number or an amount like "$1.2M"' });
      else fm.arr = v;
    }
  }
  return fm;
}
