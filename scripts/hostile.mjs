// Hostile inputs through the command line: `npm run hostile` (needs a build).
//
// Generates, from a seed, one input per class of hostile document or config
// (markdown the parser handles slowly, huge tables, many control comments,
// front matter with many keys, configs with many unknown keys, a huge rule id,
// a glob that backtracks), runs `partnerlint` on each under /usr/bin/time -v
// (when present) and prints the seconds and peak memory per case. A case
// breaks its limit when it takes more than 10 s, uses more than 10 times its
// size + 150 MB, exits with a code other than 0, 1 or 2, prints a stack trace,
// or (a plan with hostile text appended) no longer reports the plan's findings.
// Exits 1 when a case breaks its limit.
//
// Options:
//   --scale=F      multiply every size by F (default 1; the tests run 0.02)
//   --seed=N       seed of the generator (default 14)
//   --only=a,b     run only these cases
//   --timeout=S    stop a case after S seconds (default 60)
//   --bin=FILE     the command to run (default bin/partnerlint.js)
//   --keep         keep the generated inputs (the folder is printed)
//   --json         print the figures as JSON

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../bench/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SCALE = Number(option('scale') ?? 1);
const SEED = Number(option('seed') ?? 14);
const ONLY = option('only')?.split(',');
const TIMEOUT = Number(option('timeout') ?? 60);
const LIMIT_S = 10;
const BIN = path.resolve(option('bin') ?? path.join(root, 'bin/partnerlint.js'));

const rnd = mulberry32(SEED);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const n = (count) => Math.max(1, Math.round(count * SCALE));
const WORDS = ['partner', 'margin', 'reseller', 'tier', 'referral', 'pipeline', 'deal', 'quota', 'enablement', 'portal'];
const word = () => pick(WORDS);

/** A plan with known findings; each markdown case is appended to it. */
const PLAN = `# Quillpath: Let's Launch Partnerships

Notes from the leadership offsite. Quillpath is a contract-review assistant for in-house legal teams, at about $1M ARR today.

## Why now

The board wants a partnerships story before the next round, and we're at $1M ARR, so a channel is the fastest way to grow faster.

We already have 30 partner logos on our website.

## Partners

- Law-firm consultants and legal-ops agencies refer clients to us.
- We'll also list Quillpath on the Salesforce AppExchange this quarter.

Partners will come from the founders' personal network only.

## Money

Referral partners earn twenty-five percent of the first-year contract.

## The team

Our CEO will run the partner program on the side until we raise.

Our two account executives will keep closing deals as they do now.

## Goals

Partners bring in 30% of revenue within the first year.

## Appendix

`;

const lines = (count, make) => Array.from({ length: count }, (_, i) => make(i)).join('\n') + '\n';

/** Each case: markdown appended to the plan (`md`), or a whole file and a config. */
const CASES = {
  'nested-list-lines': () => ({ md: lines(n(8000), () => `- - ${word()}`) }),
  'deep-quote-lazy-lines': () => ({ md: '> '.repeat(100) + 'quoted\n' + lines(n(16000), () => `${word()} lazy line`) }),
  'comment-openers-80k': () => ({ md: 'x ' + '<!--'.repeat(n(20000)) + '\n' }),
  'comment-openers-400k': () => ({ md: 'x ' + '<!--'.repeat(n(100000)) + '\n' }),
  'processing-openers-60k': () => ({ md: 'x ' + '<?'.repeat(n(30000)) + '\n' }),
  'emphasis-paragraphs': () => {
    // Paragraphs of just under 2,000 emphasis markers each, 1.5 MB in all.
    const para = Array.from({ length: 1990 }, (_, i) => (i % 2 ? '*' : '_') + word()).join(' ');
    return { md: Array.from({ length: n(Math.ceil(1.5e6 / para.length)) }, () => para).join('\n\n') + '\n' };
  },
  'backtick-runs': () => ({ md: Array.from({ length: n(1500) }, (_, i) => '`'.repeat(i + 1)).join(' x ') + '\n' }),
  'table-50k-columns': () => {
    const cols = n(50000);
    return { md: '|' + Array.from({ length: cols }, (_, i) => ` c${i} `).join('|') + '|\n|' + '-|'.repeat(cols) + '\n|' + ' x |'.repeat(cols) + '\n' };
  },
  'table-200k-rows': () => ({ md: '| Partner | Tier | Margin |\n|---|---|---|\n' + lines(n(200000), (i) => `| **${word()} ${i}** | Gold | ${i % 40}% |`) }),
  'control-comments-30k': () => ({ md: lines(n(30000), () => `<!-- partnerlint-disable-line ${pick(['margin-range', 'exit-criteria', 'tier-count'])} -->\n${word()}`) }),
  'bold-names-table': () => ({ md: '| Partner | Owner |\n|---|---|\n' + lines(n(600), (i) => `| **${word()}_${word()}_${i}** | **${word()}** |`) }),
  'snake-case-paragraph': () => ({ md: lines(n(3000), () => `${word()}_${word()}_${word()} `).replace(/\n/g, ' ') + '\n' }),
  // Just under the limits of one part, repeated in parts of their own.
  'nested-lists-under-limit': () => ({ md: Array.from({ length: n(12) }, (_, k) => `## Part ${k}\n\n` + lines(900, () => `- - ${word()}`)).join('\n') }),
  'emphasis-under-limit': () => ({ md: Array.from({ length: n(12) }, (_, k) => `## Part ${k}\n\n` + Array.from({ length: 6000 }, () => '*' + word()).join(' ') + '\n').join('\n') }),
  'comments-under-limit': () => ({ md: Array.from({ length: n(12) }, (_, k) => `## Part ${k}\n\nx ` + '<!--'.repeat(2000) + '\n').join('\n') }),
  'front-matter-40k-keys': () => ({ file: '---\ntype: partnership-plan\n' + lines(n(40000), (i) => `key_${i}: ${word()}`) + '---\n' + PLAN }),
  'config-20k-unknown-keys': () => ({ file: PLAN, config: JSON.stringify(Object.fromEntries(Array.from({ length: n(20000) }, (_, i) => [`unknown_${i}`, 1])), null, 1) }),
  'config-500k-rule-id': () => ({ file: PLAN, config: JSON.stringify({ rules: { ['r'.repeat(n(500000))]: 'off' } }) }),
  'exclude-glob-backtracking': () => ({
    file: PLAN,
    config: JSON.stringify({ detection: { exclude: ['*a*a*a*a*a*a*a*a*a*a*ab'] } }),
    name: Array.from({ length: 6 }, () => 'a'.repeat(40)).join('/') + '/' + 'a'.repeat(60) + '.md',
  }),
};

const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerlint-hostile-'));
const results = [];
let broken = 0;
// What the plan alone reports: a plan with hostile text appended must still report (nearly) as much.
fs.writeFileSync(path.join(dir, 'plan.md'), PLAN);
const alone = spawnSync(process.execPath, [BIN, '--format', 'json', 'plan.md'], { cwd: dir, encoding: 'utf8' });
const planFindings = JSON.parse(alone.stdout)[0].findings.length;
for (const [name, make] of Object.entries(CASES)) {
  if (ONLY && !ONLY.includes(name)) continue;
  const spec = make();
  const caseDir = path.join(dir, name);
  fs.mkdirSync(caseDir, { recursive: true });
  const rel = spec.name ?? 'plan.md';
  const file = path.join(caseDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = spec.file ?? PLAN + spec.md;
  fs.writeFileSync(file, text);
  if (spec.config) fs.writeFileSync(path.join(caseDir, '.partnerlintrc.json'), spec.config);
  const size = Buffer.byteLength(text) + (spec.config ? Buffer.byteLength(spec.config) : 0);
  const args = [BIN, '--format', 'json', '--max-warnings', '0', rel];
  const command = timeBin ? [timeBin, '-v', process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  const run = spawnSync(command[0], command.slice(1), { cwd: caseDir, encoding: 'utf8', timeout: TIMEOUT * 1000, maxBuffer: 1 << 30, killSignal: 'SIGKILL' });
  const seconds = (performance.now() - started) / 1000;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
  const rssMb = rssKb / 1024;
  const limitMb = (10 * size) / 1048576 + 150;
  const problems = [];
  if (run.status === null) problems.push(`stopped after ${TIMEOUT} s`);
  else if (![0, 1, 2].includes(run.status)) problems.push(`exit code ${run.status}`);
  if (seconds > LIMIT_S) problems.push(`took ${seconds.toFixed(1)} s`);
  if (rssMb > limitMb) problems.push(`peak ${rssMb.toFixed(0)} MB over ${limitMb.toFixed(0)} MB`);
  const stderr = (run.stderr ?? '').replace(/\tCommand being timed[\s\S]*$/, '');
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(stderr)) problems.push('stack trace on stderr');
  let findings = null;
  let notAnalysed = null;
  try {
    const entry = JSON.parse(run.stdout)[0];
    findings = entry.findings.length;
    notAnalysed = (entry.notAnalysed ?? []).length + (entry.skipped ? 1 : 0);
  } catch {
    if (run.status !== null) problems.push('no JSON output');
  }
  if (spec.md !== undefined && findings !== null && findings < planFindings - 2) problems.push(`only ${findings} findings (the plan alone has ${planFindings})`);
  if (spec.md !== undefined && run.status === 0) problems.push('exit 0 with --max-warnings 0');
  if (problems.length) broken++;
  const row = { name, sizeKb: Math.round(size / 1024), seconds: Number(seconds.toFixed(2)), peakMb: Number(rssMb.toFixed(0)), limitMb: Math.round(limitMb), exit: run.status, findings, notAnalysed, problems };
  results.push(row);
  if (!argv.includes('--json'))
    console.log(
      `${name.padEnd(28)} ${String(row.sizeKb).padStart(6)} KB ${row.seconds.toFixed(2).padStart(7)} s ${String(row.peakMb).padStart(6)} MB (limit ${row.limitMb} MB)  exit ${row.exit}  findings ${findings}${notAnalysed ? `, ${notAnalysed} not analysed` : ''}${problems.length ? `  BROKEN: ${problems.join('; ')}` : ''}`,
    );
}
if (argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
if (argv.includes('--keep')) console.error(`inputs kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = broken ? 1 : 0;
