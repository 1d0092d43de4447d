/** The three output formats over the labelled example plans. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { listRules } from '../../lib/index.js';
import {
  BIN,
  FIXTURES,
  lineOf,
  parseJsonOutput,
  RESELLER_PLAN,
  runCli,
  runProcess,
  SHARED_EXAMPLES,
  tempDir,
  write,
  type JsonEntry,
} from './helpers.js';

const key = JSON.parse(fs.readFileSync(path.join(SHARED_EXAMPLES, 'key.json'), 'utf8')) as {
  docs: Record<string, { isPlan: boolean }>;
};
const exampleFiles = Object.keys(key.docs).sort();
const PRECONDITION_KEYS = ['product', 'sales', 'differentiation', 'margin', 'owner', 'directSales'];
const SEVERITIES = ['error', 'warning', 'info'];

function assertFindingShape(f: JsonEntry['findings'][number], where: string): void {
  assert.equal(typeof f.ruleId, 'string', where);
  assert.ok(SEVERITIES.includes(f.severity), `${where}: severity ${f.severity}`);
  assert.equal(typeof f.message, 'string', where);
  assert.ok(f.message.length > 0, `${where}: empty message`);
  for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
    assert.ok(Number.isInteger(f[k]) && f[k] >= 1, `${where}: ${k} = ${f[k]}`);
  }
  assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), `${where}: end before start`);
}

test('--format json: one entry per file in the documented shape', async () => {
  const run = await runCli(['--format', 'json', ...exampleFiles], { cwd: SHARED_EXAMPLES });
  assert.equal(run.stderr, '');
  const entries = parseJsonOutput(run);
  assert.deepEqual(entries.map((e) => e.file), exampleFiles);
  let errors = 0;
  for (const entry of entries) {
    assert.equal(entry.isPlan, key.docs[entry.file].isPlan, `${entry.file}: isPlan`);
    assert.ok(Array.isArray(entry.archetypes), `${entry.file}: archetypes`);
    assert.ok(entry.stage === null || typeof entry.stage === 'string', `${entry.file}: stage`);
    assert.ok(Array.isArray(entry.findings), `${entry.file}: findings`);
    if (entry.isPlan) {
      assert.ok(entry.readiness, `${entry.file}: a plan has a readiness score`);
      assert.ok(Number.isInteger(entry.readiness.score) && entry.readiness.score >= 0 && entry.readiness.score <= 100);
      assert.deepEqual(Object.keys(entry.readiness.preconditions).sort(), [...PRECONDITION_KEYS].sort());
      for (const v of Object.values(entry.readiness.preconditions)) assert.equal(typeof v, 'boolean');
      assert.ok(entry.findings.length > 0, `${entry.file}: every labelled plan has findings`);
    } else {
      assert.equal(entry.readiness, null, `${entry.file}: no readiness for a non-plan`);
      assert.deepEqual(entry.findings, [], `${entry.file}: a non-plan has no findings`);
    }
    entry.findings.forEach((f, i) => assertFindingShape(f, `${entry.file} finding ${i}`));
    errors += entry.findings.filter((f) => f.severity === 'error').length;
  }
  assert.equal(run.code, errors > 0 ? 1 : 0);
});

test('--format json: a finding sits where the text is', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plans/acme.md', RESELLER_PLAN);
  const run = await runCli(['--format', 'json', 'plans'], { cwd: dir });
  const [entry] = parseJsonOutput(run);
  assert.equal(entry.file, 'plans/acme.md');
  const margin = entry.findings.find((f) => f.ruleId === 'margin-range');
  assert.ok(margin, `margin-range in ${JSON.stringify(entry.findings.map((f) => f.ruleId))}`);
  const line = lineOf(RESELLER_PLAN, '45%');
  assert.equal(margin.line, line);
  const lineText = RESELLER_PLAN.split('\n')[line - 1];
  assert.equal(lineText.slice(margin.column - 1, margin.endColumn - 1), '45%');
});

test('--format stylish: grouped by file, one entry per finding, a summary matching the JSON', async () => {
  const files = exampleFiles.filter((f) => key.docs[f].isPlan).slice(0, 3);
  const [stylish, json] = await Promise.all([
    runCli(files, { cwd: SHARED_EXAMPLES, env: { COLUMNS: '80' } }),
    runCli(['--format', 'json', ...files], { cwd: SHARED_EXAMPLES }),
  ]);
  assert.equal(stylish.code, json.code);
  assert.doesNotMatch(stylish.stdout, /\u001b\[/, 'no colours when stdout is not a terminal');
  const entries = parseJsonOutput(json);
  const lines = stylish.stdout.split('\n');
  for (const entry of entries) {
    const header = lines.indexOf(entry.file);
    assert.ok(header >= 0, `header line for ${entry.file}`);
    // An entry: `line:col  severity  message` and the rule id, the message wrapped under its column (80 here).
    const rows: string[] = [];
    for (let i = header + 1; i < lines.length && lines[i].startsWith('  '); i++) {
      if (/^ {2}\d/.test(lines[i])) rows.push(lines[i]);
      else rows[rows.length - 1] += ' ' + lines[i].trim();
    }
    assert.equal(rows.length, entry.findings.length, `${entry.file}: one entry per finding`);
    const sorted = [...entry.findings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    rows.forEach((row, i) => {
      const f = sorted[i];
      const m = /^ {2}(\d+):(\d+) +(error|warning|info) +(\S.*?) +([a-z][a-z0-9-]*)$/.exec(row);
      assert.ok(m, `row format: ${JSON.stringify(row)}`);
      assert.deepEqual([Number(m[1]), Number(m[2]), m[3], m[4].replace(/\s+/g, ' '), m[5]], [f.line, f.column, f.severity, f.message.replace(/\s+/g, ' '), f.ruleId]);
    });
  }
  const all = entries.flatMap((e) => e.findings);
  const count = (s: string) => all.filter((f) => f.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  assert.ok(
    stylish.stdout.includes(
      `\u2716 ${plural(all.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')})`,
    ),
    stylish.stdout,
  );
});

test('--format stylish: colours with --color, on a terminal, and never with NO_COLOR or --no-color', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const forced = await runCli(['--color', 'plan.md'], { cwd: dir });
  assert.match(forced.stdout, /\u001b\[31m|\u001b\[33m/);

  // `script` gives the command a terminal for stdout and stderr.
  const hasScript = fs.existsSync('/usr/bin/script');
  if (!hasScript) {
    t.diagnostic('script(1) not available: terminal cases skipped');
    return;
  }
  const cmd = (extra: string) => `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${extra} plan.md`;
  const tty = await runProcess('script', ['-qec', cmd(''), '/dev/null'], { cwd: dir });
  assert.match(tty.stdout, /\u001b\[(31|33)m/, 'colours on a terminal');
  const noColorEnv = await runProcess('script', ['-qec', cmd(''), '/dev/null'], { cwd: dir, env: { NO_COLOR: '1' } });
  assert.ok(noColorEnv.stdout.includes('margin-range'), noColorEnv.stdout);
  assert.doesNotMatch(noColorEnv.stdout, /\u001b\[\d+m/, 'NO_COLOR turns colours off');
  const noColorFlag = await runProcess('script', ['-qec', cmd('--no-color'), '/dev/null'], { cwd: dir });
  assert.ok(noColorFlag.stdout.includes('margin-range'));
  assert.doesNotMatch(noColorFlag.stdout, /\u001b\[\d+m/, '--no-color turns colours off');
});

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    }>;
  }>;
}

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  const addFormats = addFormatsModule as unknown as (a: InstanceType<typeof Ajv2020>) => void;
  addFormats(ajv);
  return ajv.compile(schema);
}

test('--format sarif: valid SARIF 2.1.0 with one rule per rule id and regions matching the JSON', async () => {
  const [sarifRun, jsonRun] = await Promise.all([
    runCli(['--format', 'sarif', ...exampleFiles], { cwd: SHARED_EXAMPLES }),
    runCli(['--format', 'json', ...exampleFiles], { cwd: SHARED_EXAMPLES }),
  ]);
  assert.equal(sarifRun.code, jsonRun.code);
  const log = JSON.parse(sarifRun.stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'partnerlint');
  const rules = listRules();
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id), rules.map((r) => r.id));
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  const level = { error: 'error', warning: 'warning', info: 'note' } as const;
  run.tool.driver.rules.forEach((descriptor, i) => {
    assert.equal(descriptor.helpUri, rules[i].docsUrl);
    assert.equal(descriptor.shortDescription.text, rules[i].description);
    assert.equal(descriptor.defaultConfiguration.level, level[rules[i].defaultSeverity]);
  });

  const expected = parseJsonOutput(jsonRun).flatMap((e) =>
    e.findings.map((f) => `${e.file} ${f.ruleId} ${level[f.severity as keyof typeof level]} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`),
  );
  const actual = run.results.map((r) => {
    const loc = r.locations[0].physicalLocation;
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId, 'ruleIndex points at the rule');
    const g = loc.region;
    return `${decodeURIComponent(loc.artifactLocation.uri)} ${r.ruleId} ${r.level} ${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn}`;
  });
  assert.ok(actual.length > 0);
  assert.deepEqual([...actual].sort(), [...expected].sort());
});

test('--format sarif: the validator rejects a broken log (the check can fail)', () => {
  const validate = sarifValidator();
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  assert.equal(
    validate({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }],
    }),
    false,
  );
});

test('--format sarif: a clean run is still a valid log with the rule table', async (t) => {
  const dir = tempDir(t);
  write(dir, 'notes.md', '# Notes\n\nNothing about partners here.\n');
  const run = await runCli(['--format', 'sarif'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  const log = JSON.parse(run.stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
  assert.deepEqual(log.runs[0].results, []);
  assert.equal(log.runs[0].tool.driver.rules.length, listRules().length);
});
