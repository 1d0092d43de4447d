/**
 * What the terminal shows: stylish output wrapped to the width (60, 80, 120 columns, COLUMNS or
 * the terminal's own) with continuation lines under the message, colours only when wanted, one
 * "checked" line for a clean plan, `--report` drawn for the terminal without repeating the
 * findings, the `--min-readiness` gate, and no escape sequence from a file name or a document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listRules } from '../../lib/index.js';
import { terminalText, useColor, wrap, displayWidth } from '../../cli/terminal.js';
import { BIN, parseJsonOutput, README_TEXT, RESELLER_PLAN, runCli, runProcess, SHARED_EXAMPLES, tempDir, write, type CliRun, type JsonEntry } from './helpers.js';

const PLANS = ['sundial-clinic-referral-pilot.md', 'cobalt-ridge-distribution-plan.md', 'latticeforge-alliances-plan.md', 'brambleway-msp-channel-plan.md'];
const ALL_RULES_OFF = JSON.stringify({ rules: Object.fromEntries(listRules().map((r) => [r.id, 'off'])) });
const ESC = '\u001b';
const hasScript = fs.existsSync('/usr/bin/script');

/** Columns a line of output takes: its code points (the output holds no wide characters). */
const columns = (line: string): number => [...line].length;

interface Entry {
  lines: string[];
  /** Where the message starts on the first line. */
  column: number;
  position: string;
  severity: string;
  /** The message and the rule id, as the lines read when joined. */
  text: string;
}

/** The finding entries under each file header of stylish output (no colours). */
function parseStylish(stdout: string): Map<string, Entry[]> {
  const files = new Map<string, Entry[]>();
  let current: Entry[] | undefined;
  let entry: Entry | undefined;
  for (const line of stdout.split('\n')) {
    const first = /^ {2}(\d+:\d+) +(error|warning|info) +/.exec(line);
    if (first) {
      entry = { lines: [line], column: first[0].length, position: first[1], severity: first[2], text: line.slice(first[0].length) };
      current!.push(entry);
    } else if (entry && /^ +\S/.test(line)) {
      entry.lines.push(line);
      entry.text += ' ' + line.trim();
    } else if (/^\S/.test(line) && !line.startsWith('\u2716')) {
      current = [];
      entry = undefined;
      files.set(line, current);
    } else {
      entry = undefined;
    }
  }
  return files;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function stylishAndJson(width: string, files = PLANS): Promise<{ stylish: CliRun; entries: JsonEntry[] }> {
  const [stylish, json] = await Promise.all([
    runCli(files, { cwd: SHARED_EXAMPLES, env: { COLUMNS: width } }),
    runCli(['--format', 'json', ...files], { cwd: SHARED_EXAMPLES }),
  ]);
  return { stylish, entries: parseJsonOutput(json) };
}

for (const width of [60, 80, 120]) {
  test(`stylish at ${width} columns: no line is wider, continuation lines sit under the message, nothing is lost`, async () => {
    const { stylish, entries } = await stylishAndJson(String(width));
    assert.doesNotMatch(stylish.stdout, /\u001b/);
    const lines = stylish.stdout.split('\n');
    for (const line of lines) assert.ok(columns(line) <= width, `${columns(line)} > ${width}: ${JSON.stringify(line)}`);
    for (const line of lines) assert.doesNotMatch(line, /\s$/, `no padding at the end: ${JSON.stringify(line)}`);
    const byFile = parseStylish(stylish.stdout);
    let wrapped = 0;
    for (const json of entries) {
      const shown = byFile.get(json.file);
      assert.ok(shown, `header for ${json.file}`);
      assert.equal(shown.length, json.findings.length, `${json.file}: one entry per finding`);
      const sorted = [...json.findings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
      const column = shown[0].column;
      shown.forEach((entry, i) => {
        const f = sorted[i];
        assert.equal(entry.column, column, `${json.file}: every message starts in one column`);
        assert.deepEqual([entry.position, entry.severity], [`${f.line}:${f.column}`, f.severity]);
        for (const line of entry.lines.slice(1)) {
          assert.equal(line.length - line.trimStart().length, column, `continuation under the message: ${JSON.stringify(line)}`);
        }
        // The message and then its rule id, two spaces apart on one line, or the id on a line of its own.
        assert.equal(normalise(entry.text), normalise(`${f.message} ${f.ruleId}`));
        const last = entry.lines[entry.lines.length - 1];
        assert.ok(last.endsWith(`  ${f.ruleId}`) || last.trim() === f.ruleId, `rule id at the end: ${JSON.stringify(last)}`);
        if (entry.lines.length > 1) wrapped++;
      });
    }
    if (width < 120) assert.ok(wrapped > 0, 'long messages are wrapped');
  });
}

test('stylish: 80 columns when stdout is not a terminal and COLUMNS is not set; narrower output has more lines', async () => {
  const [plain, at60, at120] = await Promise.all([stylishAndJson(''), stylishAndJson('60'), stylishAndJson('120')]);
  const widest = Math.max(...plain.stylish.stdout.split('\n').map(columns));
  assert.ok(widest <= 80 && widest > 60, `widest line ${widest}`);
  const count = (r: CliRun) => r.stdout.split('\n').length;
  assert.ok(count(at60.stylish) > count(plain.stylish) && count(plain.stylish) > count(at120.stylish));
});

test('stylish on a terminal wraps to its width', async (t) => {
  if (!hasScript) return t.skip('script(1) not available');
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const cmd = `stty cols 64; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --no-color plan.md`;
  const run = await runProcess('script', ['-qec', cmd, '/dev/null'], { cwd: dir, env: { COLUMNS: '' } });
  const lines = run.stdout.split(/\r?\n/);
  assert.ok(lines.some((l) => l.includes('margin-range')), run.stdout);
  for (const line of lines) assert.ok(columns(line) <= 64, `${columns(line)} > 64: ${JSON.stringify(line)}`);
  assert.ok(lines.some((l) => columns(l) > 56), 'the lines use the width');
});

test('NO_COLOR: no escape codes on a terminal, with --report too; --color and FORCE_COLOR bring them', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const forced = await runCli(['--color', '--report', 'plan.md'], { cwd: dir });
  assert.match(forced.stdout, /\u001b\[3[1-3]m/, 'colours when forced');
  if (hasScript) {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --report plan.md`;
    const tty = await runProcess('script', ['-qec', cmd, '/dev/null'], { cwd: dir });
    assert.match(tty.stdout, /\u001b\[3[1-3]m/, 'colours on a terminal');
    const noColor = await runProcess('script', ['-qec', cmd, '/dev/null'], { cwd: dir, env: { NO_COLOR: '1' } });
    assert.ok(noColor.stdout.includes('Readiness report') && noColor.stdout.includes('margin-range'), noColor.stdout);
    assert.doesNotMatch(noColor.stdout, /\u001b/, 'NO_COLOR: no escape codes');
  }
  // The helpers drop FORCE_COLOR from the environment of the runs; the rule itself:
  assert.equal(useColor(undefined, { FORCE_COLOR: '1' }, { isTTY: false }), true);
  assert.equal(useColor(undefined, { FORCE_COLOR: '0' }, { isTTY: true }), false);
  assert.equal(useColor(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, { isTTY: true }), false);
  assert.equal(useColor(undefined, {}, { isTTY: false }), false);
  assert.equal(useColor(undefined, {}, { isTTY: true }), true);
  assert.equal(useColor(true, { NO_COLOR: '1' }, { isTTY: false }), true);
});

test('a clean plan prints one line saying it was checked, with its kind; non-plans alone get a summary line', async (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintrc.json', ALL_RULES_OFF);
  write(dir, 'plans/acme.md', RESELLER_PLAN);
  write(dir, 'plans/guide.md', RESELLER_PLAN.replace('type: partnership-plan', 'type: partnership-plan\nkind: guide'));
  write(dir, 'README.md', README_TEXT);
  const run = await runCli([], { cwd: dir, env: { COLUMNS: '120' } });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stdout.replace(/\d+\/100 · \d\/6/, 'S/100 · P/6'),
    'plans/acme.md  ✓ checked · Partner program plan · Readiness S/100 · P/6 preconditions · no findings\n' +
      'plans/guide.md  ✓ checked · Partner guide · no findings\n',
  );
  const [json] = parseJsonOutput(await runCli(['--format', 'json', 'plans/acme.md'], { cwd: dir }));
  assert.ok(run.stdout.includes(`Readiness ${json.readiness!.score}/100`), 'the score is the plan\'s');

  // At 60 columns the line wraps between its parts, never wider than the width.
  const narrow = await runCli(['plans/acme.md'], { cwd: dir, env: { COLUMNS: '60' } });
  assert.match(narrow.stdout, /^plans\/acme\.md {2}✓ checked · /);
  for (const line of narrow.stdout.trimEnd().split('\n')) assert.ok(columns(line) <= 60, line);
  assert.match(normalise(narrow.stdout), /Partner program plan · Readiness \d+\/100 · \d\/6 preconditions · no findings$/);

  const nonPlans = await runCli(['README.md'], { cwd: dir });
  assert.equal(nonPlans.stdout, '1 file checked, no partner-program documents found\n');
  const quiet = await runCli(['--quiet'], { cwd: dir });
  assert.equal(quiet.stdout, '', '--quiet prints nothing when nothing is wrong');
});

test('--report: a score bar, ✓/✗ per precondition with its reason, red flags and sections, and no finding repeated', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'sundial.md');
  fs.copyFileSync(path.join(SHARED_EXAMPLES, 'sundial-clinic-referral-pilot.md'), file);
  const [report, json] = await Promise.all([
    runCli(['--report', 'sundial.md'], { cwd: dir, env: { COLUMNS: '500' } }),
    runCli(['--format', 'json', 'sundial.md'], { cwd: dir }),
  ]);
  const [entry] = parseJsonOutput(json);
  const out = report.stdout;
  assert.doesNotMatch(out, /\u001b/);
  const score = entry.readiness!.score;
  const filled = Math.round(score / 10);
  assert.ok(out.includes(`[${'█'.repeat(filled)}${'░'.repeat(10 - filled)}] ${score}/100`), out);
  const marks = out.split('\n').filter((l) => /^ {4}[✓✗] (Product maturity|Sales-motion clarity|Differentiation|Margin headroom|Full-time owner|Direct-sales discipline): /.test(l));
  assert.equal(marks.length, 6, out);
  const met = Object.values(entry.readiness!.preconditions).filter(Boolean).length;
  assert.equal(marks.filter((l) => l.trimStart().startsWith('✓')).length, met);
  assert.ok(marks.some((l) => l.includes('✗ Full-time owner: the owner runs the program alongside another job (line 23)')), marks.join('\n'));
  for (const heading of ['Readiness report', 'Preconditions', 'Red flags', 'Sections']) assert.match(out, new RegExp(`^ {2}${heading}$`, 'm'));
  assert.match(out, /✗ Metrics \(line \d+\): 0\/4 · missing /);
  // Terminal text, not markdown; and each finding once (in the stylish list), none under the report.
  assert.doesNotMatch(out, /\*\*|^\s*#|\|---|^\s*- /m);
  assert.doesNotMatch(out, /Findings/);
  for (const f of entry.findings) assert.equal(out.split(f.message).length - 1, 1, `once: ${f.message}`);
  const reportStart = out.indexOf('Readiness report');
  for (const f of entry.findings) assert.ok(out.indexOf(f.message) < reportStart, `${f.ruleId} is not under the report`);

  // Every line of the report fits 60 columns.
  const narrow = await runCli(['--report', 'sundial.md'], { cwd: dir, env: { COLUMNS: '60' } });
  for (const line of narrow.stdout.split('\n')) assert.ok(columns(line) <= 60, `${columns(line)}: ${line}`);
});

test('--min-readiness: exit 1 for a plan below it, naming file, score and minimum; 0 at or above; guides are not gated', async (t) => {
  const dir = tempDir(t);
  write(dir, 'strong.md', RESELLER_PLAN);
  write(dir, 'weak.md', RESELLER_PLAN.replace(/\nDana Ruiz[^\n]*\n/, '\nDana Ruiz helps with partners when she has time.\n').replace(/Resellers earn[^\n]*\n/, ''));
  write(dir, 'guide.md', RESELLER_PLAN.replace('type: partnership-plan', 'type: partnership-plan\nkind: guide'));
  const scores = new Map(parseJsonOutput(await runCli(['--format', 'json', '.'], { cwd: dir })).map((e) => [e.file, e.readiness?.score ?? null]));
  const strong = scores.get('strong.md')!;
  const weak = scores.get('weak.md')!;
  assert.equal(scores.get('guide.md'), null);
  assert.ok(weak < strong, `weak ${weak} < strong ${strong}`);

  const between = await runCli(['--min-readiness', String(strong), '--format', 'json', '.'], { cwd: dir });
  assert.equal(between.code, 1);
  assert.equal(between.stderr, `partnerlint: weak.md: readiness ${weak}/100 is below --min-readiness ${strong}.\n`);
  const atLowest = await runCli(['--min-readiness', String(weak), '.'], { cwd: dir });
  assert.equal(atLowest.code, 0, atLowest.stderr);
  assert.equal(atLowest.stderr, '');
  const guideOnly = await runCli(['--min-readiness', '100', 'guide.md'], { cwd: dir });
  assert.equal(guideOnly.code, 0, guideOnly.stderr);
  const all = await runCli(['--min-readiness', '100', '.'], { cwd: dir });
  assert.equal(all.code, 1);
  assert.equal(all.stderr.split('\n').filter((l) => l.includes('is below --min-readiness 100')).length, [strong, weak].filter((s) => s < 100).length);

  for (const bad of ['abc', '101', '=-1', '60.5', '']) {
    const args = bad.startsWith('=') ? [`--min-readiness${bad}`, '.'] : ['--min-readiness', bad, '.'];
    const run = await runCli(args, { cwd: dir });
    assert.equal(run.code, 2, `${bad}: ${run.stderr}`);
    assert.match(run.stderr, /--min-readiness needs a whole number from 0 to 100/);
    assert.equal(run.stdout, '');
  }
  const help = await runCli(['--help']);
  assert.match(help.stdout, /--min-readiness <n>/);
});

test('escape sequences in a file name or a document never reach the terminal', async (t) => {
  const dir = tempDir(t);
  const name = `evil${ESC}[2J${ESC}]0;owned\u0007plan.md`;
  write(dir, name, RESELLER_PLAN.replace('## Deal registration', `## Deal registration ${ESC}[31mnow\u202e`));
  const tiers = fs.readFileSync(path.join(SHARED_EXAMPLES, 'cobalt-ridge-distribution-plan.md'), 'utf8');
  assert.ok(tiers.includes('Select'));
  write(dir, 'tiers.md', tiers.replaceAll('Select', `Se${ESC}[31mlect`));
  const run = await runCli(['--report', '--min-readiness', '100', '.'], { cwd: dir, env: { COLUMNS: '300' } });
  assert.notEqual(run.code, 2, run.stderr);
  for (const [what, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/, `${what} holds a control character: ${JSON.stringify(text)}`);
  }
  assert.ok(run.stdout.includes('evil\\x1B[2J\\x1B]0;owned\\x07plan.md'), run.stdout);
  assert.ok(run.stderr.includes('evil\\x1B[2J'), run.stderr);
  assert.match(run.stdout, /Tier "Se\\x1B\[31mlect"/, 'a tier name from the document, escaped');
});

test('terminal helpers: wrap keeps to the width (long words, wide characters), terminalText escapes controls', () => {
  for (const width of [10, 24, 60]) {
    const text = 'Approval turnaround of three business days https://partners.example.com/a/very/long/path/to/the/policy 合作伙伴计划的审批时间 end';
    const lines = wrap(text, width);
    for (const line of lines) assert.ok(displayWidth(line) <= width, `${width}: ${line}`);
    assert.equal(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
  }
  assert.equal(displayWidth('合作'), 4);
  assert.equal(displayWidth('e\u0301'), 1);
  assert.deepEqual(wrap('one two three', 7, 3), ['one', 'two', 'three']);
  assert.equal(terminalText(`a${ESC}[31mb\tc\nd`), 'a\\x1B[31mb c d');
  assert.equal(terminalText(`x\u202ey\u009bz`), 'x\\u202Ey\\x9Bz');
  assert.equal(terminalText('one\ntwo', { keepNewlines: true }), 'one\ntwo');
});
