/**
 * Config abuse, table-driven, through `parseConfigText` and `loadConfigFile`:
 * broken JSON/YAML, wrong types, unknown rule ids and keys, inverted bands,
 * directories, unreadable files, YAML tags that would run code, alias bombs.
 * Every case must yield problems naming the file, the key path and what was
 * expected, and `config` must still be a full, usable config (lint works).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultConfig, lint, listRules, loadConfigFile, parseConfigText, type LoadedConfig } from '../../lib/index.js';
import { CaseCounter, assertSound, loadExamples } from './fuzz-support.js';

const counter = new CaseCounter();
let configsTried = 0;
after(() => console.log(`config abuse: ${configsTried} configs tried (${counter.total} of them generated, seed ${counter.seed})`));

const RULE_IDS = listRules().map((r) => r.id);
const DEFAULTS = defaultConfig();
const PLAN = loadExamples().find((e) => /zephyr/.test(e.name))?.text ?? '# Plan\n\nWe run a referral partner program and pay partners 25%.\n';
const DEFAULT_LINT = lint(PLAN, { detect: 'always' });

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnerlint-config-')));
  t.after(() => {
    try {
      fs.chmodSync(dir, 0o700);
    } catch {
      /* already gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The config is complete (every rule, detection, synonyms), and linting with it works and is sound. */
function assertUsable(loaded: LoadedConfig, what: string, untouched: string[] = RULE_IDS): void {
  const c = loaded.config;
  assert.ok(c && typeof c === 'object', `${what}: no config`);
  assert.deepEqual(Object.keys(c.rules).sort(), [...RULE_IDS].sort(), `${what}: the config does not cover every rule`);
  for (const id of untouched) assert.deepEqual(c.rules[id], DEFAULTS.rules[id], `${what}: rule ${id} is not at its default`);
  for (const s of Object.values(c.rules)) assert.ok(['off', 'info', 'warning', 'error'].includes(s.severity), `${what}: severity ${String(s.severity)}`);
  assert.ok(['auto', 'frontmatter', 'always'].includes(c.detection.mode), `${what}: detection mode ${String(c.detection.mode)}`);
  assert.ok(Array.isArray(c.detection.include) && Array.isArray(c.detection.exclude), `${what}: detection globs`);
  assert.ok(c.synonyms && typeof c.synonyms === 'object', `${what}: synonyms`);
  const r = lint(PLAN, { config: c, detect: 'always' });
  assertSound(PLAN, r);
  if (untouched === RULE_IDS) assert.deepEqual(r.findings, DEFAULT_LINT.findings, `${what}: a config that fell back to defaults lints differently`);
}

interface Expect {
  keyPath: string;
  /** Substrings the message must contain (case-insensitive). */
  says: string[];
}

interface Case {
  name: string;
  /** File name (its extension picks JSON or YAML). */
  file: string;
  text: string;
  expect: Expect[];
  /** Rules the case may legitimately change (default: none). */
  changes?: string[];
}

const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

const CASES: Case[] = [
  { name: 'truncated JSON', file: '.partnerlintrc.json', text: '{"rules": {', expect: [{ keyPath: '', says: ['not valid JSON'] }] },
  { name: 'JSON with a trailing comma', file: '.partnerlintrc.json', text: '{"rules": {"exit-criteria": "off",}}', expect: [{ keyPath: '', says: ['not valid JSON'] }] },
  { name: 'JSON with comments', file: '.partnerlintrc.json', text: '// no\n{"rules": {}}', expect: [{ keyPath: '', says: ['not valid JSON'] }] },
  { name: 'unclosed YAML flow sequence', file: '.partnerlintrc.yaml', text: 'rules: [unclosed', expect: [{ keyPath: '', says: ['not valid YAML'] }] },
  { name: 'YAML with a tab indent', file: '.partnerlintrc.yml', text: 'rules:\n\tmargin-range: error', expect: [{ keyPath: '', says: ['not valid YAML'] }] },
  { name: 'YAML duplicate keys', file: '.partnerlintrc.yaml', text: 'rules:\n  margin-range: error\nrules:\n  exit-criteria: "off"', expect: [{ keyPath: '', says: ['not valid YAML', 'unique'] }] },
  { name: 'top level is an array', file: '.partnerlintrc.json', text: '[1, 2]', expect: [{ keyPath: '', says: ['expected an object'] }] },
  { name: 'top level is a string', file: '.partnerlintrc.json', text: '"rules"', expect: [{ keyPath: '', says: ['expected an object'] }] },
  { name: 'top level is null', file: '.partnerlintrc.json', text: 'null', expect: [{ keyPath: '', says: ['expected an object'] }] },
  { name: 'top level is a number (YAML)', file: '.partnerlintrc.yaml', text: '42', expect: [{ keyPath: '', says: ['expected an object'] }] },
  { name: 'rules is an array', file: '.partnerlintrc.json', text: '{"rules": ["margin-range"]}', expect: [{ keyPath: 'rules', says: ['expected an object'] }] },
  { name: 'rules is a string', file: '.partnerlintrc.yaml', text: 'rules: all', expect: [{ keyPath: 'rules', says: ['expected an object'] }] },
  { name: 'unknown rule id, one letter short', file: '.partnerlintrc.json', text: '{"rules": {"margin-rang": "error"}}', expect: [{ keyPath: 'rules.margin-rang', says: ['unknown rule id', 'did you mean "margin-range"'] }] },
  { name: 'unknown rule id, hyphen missing', file: '.partnerlintrc.json', text: '{"rules": {"exitcriteria": "off"}}', expect: [{ keyPath: 'rules.exitcriteria', says: ['unknown rule id', 'did you mean "exit-criteria"'] }] },
  { name: 'unknown rule id, transposed letters (YAML)', file: '.partnerlintrc.yaml', text: 'rules:\n  deal-reg-sal: error', expect: [{ keyPath: 'rules.deal-reg-sal', says: ['unknown rule id', 'did you mean "deal-reg-sla"'] }] },
  { name: 'unknown rule id, wrong case', file: '.partnerlintrc.json', text: '{"rules": {"Tier-Count": "off"}}', expect: [{ keyPath: 'rules.Tier-Count', says: ['unknown rule id', 'did you mean "tier-count"'] }] },
  { name: 'unknown rule id, nothing close', file: '.partnerlintrc.json', text: '{"rules": {"zzzzzzzzzzzzz": "off"}}', expect: [{ keyPath: 'rules.zzzzzzzzzzzzz', says: ['unknown rule id "zzzzzzzzzzzzz"'] }] },
  { name: 'unknown severity', file: '.partnerlintrc.json', text: '{"rules": {"margin-range": "loud"}}', expect: [{ keyPath: 'rules.margin-range', says: ['severity', '"error"'] }] },
  { name: 'severity is a number', file: '.partnerlintrc.json', text: '{"rules": {"margin-range": 2}}', expect: [{ keyPath: 'rules.margin-range', says: ['severity'] }] },
  { name: 'severity tuple too long', file: '.partnerlintrc.json', text: '{"rules": {"margin-range": ["warning", {}, 3]}}', expect: [{ keyPath: 'rules.margin-range', says: ['severity'] }] },
  { name: 'empty severity tuple', file: '.partnerlintrc.json', text: '{"rules": {"margin-range": []}}', expect: [{ keyPath: 'rules.margin-range', says: ['severity'] }] },
  {
    name: 'inverted band (min > max)',
    file: '.partnerlintrc.json',
    text: '{"rules": {"margin-range": ["warning", {"referral": {"min": 20, "max": 10}}]}}',
    expect: [{ keyPath: 'rules.margin-range[1].referral', says: ['min (20)', 'greater than max (10)'] }],
  },
  {
    name: 'inverted band in YAML',
    file: '.partnerlintrc.yaml',
    text: 'rules:\n  margin-range:\n    - error\n    - reseller: { min: 40, max: 5 }',
    expect: [{ keyPath: 'rules.margin-range[1].reseller', says: ['min (40)', 'greater than max (5)'] }],
  },
  {
    name: 'negative band bound',
    file: '.partnerlintrc.json',
    text: '{"rules": {"margin-range": ["warning", {"referral": {"min": -5, "max": 10}}]}}',
    expect: [{ keyPath: 'rules.margin-range[1].referral.min', says: ['>=0'] }],
  },
  {
    name: 'band bound is a string',
    file: '.partnerlintrc.json',
    text: '{"rules": {"margin-range": ["warning", {"referral": {"min": "ten", "max": 10}}]}}',
    expect: [{ keyPath: 'rules.margin-range[1].referral.min', says: ['expected number'] }],
  },
  {
    name: 'band bound overflows to Infinity',
    file: '.partnerlintrc.json',
    text: '{"rules": {"margin-range": ["warning", {"referral": {"min": 1e400, "max": 10}}]}}',
    expect: [{ keyPath: 'rules.margin-range[1].referral.min', says: ['expected number'] }],
  },
  { name: 'unknown rule option', file: '.partnerlintrc.json', text: '{"rules": {"margin-range": ["warning", {"bogus": 1}]}}', expect: [{ keyPath: 'rules.margin-range[1].bogus', says: ['unknown key "bogus"'] }] },
  { name: 'unknown top-level key close to "rules"', file: '.partnerlintrc.json', text: '{"rulez": {}}', expect: [{ keyPath: 'rulez', says: ['unknown key "rulez"', 'did you mean "rules"'] }] },
  { name: 'unknown top-level key', file: '.partnerlintrc.yaml', text: 'extends: recommended', expect: [{ keyPath: 'extends', says: ['unknown key "extends"'] }] },
  { name: 'unknown detection mode', file: '.partnerlintrc.json', text: '{"detection": {"mode": "sometimes"}}', expect: [{ keyPath: 'detection.mode', says: ['auto', 'frontmatter', 'always'] }] },
  { name: 'detection.include is a string', file: '.partnerlintrc.json', text: '{"detection": {"include": "plans/**"}}', expect: [{ keyPath: 'detection.include', says: ['expected array'] }] },
  { name: 'detection.exclude holds a number', file: '.partnerlintrc.yaml', text: 'detection:\n  exclude: [3]', expect: [{ keyPath: 'detection.exclude[0]', says: ['expected string'] }] },
  { name: 'detection is a list', file: '.partnerlintrc.yaml', text: 'detection: [always]', expect: [{ keyPath: 'detection', says: ['expected object'] }] },
  { name: 'synonyms value is a string', file: '.partnerlintrc.json', text: '{"synonyms": {"dealRegistration": "reg"}}', expect: [{ keyPath: 'synonyms.dealRegistration', says: ['expected array'] }] },
  { name: 'synonyms with an empty phrase', file: '.partnerlintrc.json', text: '{"synonyms": {"dealRegistration": [""]}}', expect: [{ keyPath: 'synonyms.dealRegistration[0]', says: ['>=1'] }] },
  {
    name: 'YAML !!js/function tag does not run',
    file: '.partnerlintrc.yaml',
    text: 'fn: !!js/function "function () { globalThis.__partnerlintPwned = true }"',
    expect: [{ keyPath: 'fn', says: ['unknown key "fn"'] }],
  },
  {
    name: 'YAML !!js/function as the rules value',
    file: '.partnerlintrc.yaml',
    text: 'rules: !!js/function "function () { globalThis.__partnerlintPwned = true }"',
    expect: [{ keyPath: 'rules', says: ['expected an object'] }],
  },
  { name: 'YAML alias bomb (billion laughs)', file: '.partnerlintrc.yaml', text: BOMB, expect: [{ keyPath: '', says: ['alias'] }] },
  { name: '__proto__ at the top level', file: '.partnerlintrc.json', text: '{"__proto__": {"polluted": true}, "rules": {}}', expect: [{ keyPath: '__proto__', says: ['unknown key'] }] },
];

/** Cases the engine got wrong (robustness-bugs.md, B6 and B7; fixed since). */
const KNOWN_BUG_CASES: Array<Case & { bug: string }> = [
  { bug: 'B6', name: 'rule id "constructor"', file: '.partnerlintrc.json', text: '{"rules": {"constructor": "off"}}', expect: [{ keyPath: 'rules.constructor', says: ['unknown rule id'] }] },
  { bug: 'B6', name: 'rule id "__proto__"', file: '.partnerlintrc.json', text: '{"rules": {"__proto__": "off"}}', expect: [{ keyPath: 'rules.__proto__', says: ['unknown rule id'] }] },
  { bug: 'B6', name: 'rule id "toString" (YAML)', file: '.partnerlintrc.yaml', text: 'rules:\n  toString: "off"', expect: [{ keyPath: 'rules.toString', says: ['unknown rule id'] }] },
  {
    bug: 'B7',
    name: 'unknown synonyms topic names the key and the closest topic',
    file: '.partnerlintrc.json',
    text: '{"synonyms": {"dealRegistation": ["reg"]}}',
    expect: [{ keyPath: 'synonyms.dealRegistation', says: ['unknown topic', 'did you mean "dealRegistration"'] }],
  },
  {
    bug: 'B7',
    name: 'unknown detection key suggests the closest detection key',
    file: '.partnerlintrc.json',
    text: '{"detection": {"inclde": ["plans/**"]}}',
    expect: [{ keyPath: 'detection.inclde', says: ['unknown key "inclde"', 'did you mean "include"'] }],
  },
];

function checkCase(c: Case, loaded: LoadedConfig, file: string, how: string): void {
  const what = `${c.name} (${how})`;
  assert.ok(loaded.problems.length > 0, `${what}: no problem reported`);
  for (const p of loaded.problems) {
    assert.equal(p.file, file, `${what}: problem does not name the file: ${JSON.stringify(p)}`);
    assert.equal(typeof p.keyPath, 'string');
    assert.ok(p.message.trim().length > 0, `${what}: empty message`);
  }
  for (const e of c.expect) {
    const hit = loaded.problems.find((p) => p.keyPath === e.keyPath && e.says.every((s) => p.message.toLowerCase().includes(s.toLowerCase())));
    assert.ok(hit, `${what}: expected a problem at "${e.keyPath}" saying ${e.says.map((s) => JSON.stringify(s)).join(' and ')}; got ${JSON.stringify(loaded.problems.map((p) => ({ keyPath: p.keyPath, message: p.message })))}`);
  }
  assertUsable(loaded, what, RULE_IDS.filter((id) => !(c.changes ?? []).includes(id)));
  assert.equal((globalThis as Record<string, unknown>).__partnerlintPwned, undefined, `${what}: a YAML tag executed code`);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, `${what}: Object.prototype was polluted`);
}

function runCase(t: { after(fn: () => void): void }, c: Case): void {
  const virtual = path.join(os.tmpdir(), 'virtual', c.file);
  checkCase(c, parseConfigText(c.text, virtual), virtual, 'parseConfigText');
  configsTried++;
  const dir = tempDir(t);
  const file = path.join(dir, c.file);
  fs.writeFileSync(file, c.text);
  const loaded = loadConfigFile(file);
  checkCase(c, loaded, file, 'loadConfigFile');
  configsTried++;
}

for (const c of CASES) {
  test(`config: ${c.name}`, async (t) => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      runCase(t, c);
      // process.emitWarning delivers on the next tick.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, [], 'reading the config wrote process warnings to stderr');
  });
}

for (const c of KNOWN_BUG_CASES) {
  test(`config: ${c.name} (${c.bug})`, (t) => {
    runCase(t, c);
  });
}

test('config: valid configs apply and report nothing (the checks above can pass)', (t) => {
  const good: Array<[string, string]> = [
    ['.partnerlintrc.json', '{"$schema": "./x.json", "rules": {"exit-criteria": "off", "margin-range": ["error", {"referral": {"min": 5, "max": 20}}]}, "detection": {"mode": "always"}}'],
    ['.partnerlintrc.yaml', 'rules:\n  exit-criteria: "off"\n  margin-range: [error, {referral: {min: 5, max: 20}}]\ndetection:\n  mode: always\n'],
    ['.partnerlintrc.yml', 'rules:\n  margin-range: &sev error\n  tier-count: *sev\n'],
    ['.partnerlintrc.json', '\uFEFF{"rules": {}}'],
    ['.partnerlintrc.yaml', ''],
    ['.partnerlintrc.yaml', '# only a comment\n'],
  ];
  for (const [name, text] of good) {
    const dir = tempDir(t);
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const loaded = loadConfigFile(file);
    configsTried++;
    assert.deepEqual(loaded.problems, [], `${name}: ${JSON.stringify(text)}`);
    assertUsable(loaded, name, RULE_IDS.filter((id) => !['exit-criteria', 'margin-range', 'tier-count'].includes(id)));
  }
  const applied = parseConfigText('{"rules": {"exit-criteria": "off", "margin-range": ["error", {"referral": {"min": 5, "max": 20}}]}}', '/v/.partnerlintrc.json');
  configsTried++;
  assert.equal(applied.config.rules['exit-criteria'].severity, 'off');
  assert.equal(applied.config.rules['margin-range'].severity, 'error');
  assert.deepEqual(applied.config.rules['margin-range'].options.referral, { min: 5, max: 20 });
});

test('config: one bad rule entry does not discard the good ones next to it', () => {
  const loaded = parseConfigText('{"rules": {"exit-criteria": "off", "margin-range": "loud", "tier-count": "error"}}', '/v/.partnerlintrc.json');
  configsTried++;
  assert.deepEqual(loaded.problems.map((p) => p.keyPath), ['rules.margin-range']);
  assert.equal(loaded.config.rules['exit-criteria'].severity, 'off');
  assert.equal(loaded.config.rules['tier-count'].severity, 'error');
  assert.deepEqual(loaded.config.rules['margin-range'], DEFAULTS.rules['margin-range']);
});

test('config: a directory given as the config file', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, '.partnerlintrc.json');
  fs.mkdirSync(file);
  const loaded = loadConfigFile(file);
  configsTried++;
  assert.equal(loaded.problems.length, 1);
  assert.equal(loaded.problems[0].file, file);
  assert.equal(loaded.problems[0].keyPath, '');
  assert.match(loaded.problems[0].message, /directory/);
  assertUsable(loaded, 'directory');
});

test('config: a file that does not exist', (t) => {
  const file = path.join(tempDir(t), 'missing', '.partnerlintrc.yaml');
  const loaded = loadConfigFile(file);
  configsTried++;
  assert.equal(loaded.problems[0]?.file, file);
  assert.equal(loaded.problems[0].keyPath, '');
  assert.match(loaded.problems[0].message, /does not exist/);
  assertUsable(loaded, 'missing file');
});

test('config: a symlink loop', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, '.partnerlintrc.json');
  fs.symlinkSync(file, file);
  const loaded = loadConfigFile(file);
  configsTried++;
  assert.equal(loaded.problems[0]?.file, file);
  assert.equal(loaded.problems[0].keyPath, '');
  assert.match(loaded.problems[0].message, /cannot be read|does not exist/);
  assertUsable(loaded, 'symlink loop');
});

test('config: a file over 1 MB', (t) => {
  const file = path.join(tempDir(t), '.partnerlintrc.json');
  fs.writeFileSync(file, '{"rules": {}, "pad": "' + 'x'.repeat(1024 * 1024) + '"}');
  const loaded = loadConfigFile(file);
  configsTried++;
  assert.equal(loaded.problems[0]?.file, file);
  assert.match(loaded.problems[0].message, /1 MB/);
  assertUsable(loaded, 'large file');
});

test('config: an unreadable file (chmod 000)', (t) => {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    t.diagnostic('running as root: root can read a chmod 000 file, so this case cannot be produced here');
    t.skip('running as root (root reads files regardless of permissions)');
    return;
  }
  const file = path.join(tempDir(t), '.partnerlintrc.json');
  fs.writeFileSync(file, '{"rules": {"exit-criteria": "off"}}');
  fs.chmodSync(file, 0o000);
  const loaded = loadConfigFile(file);
  configsTried++;
  assert.equal(loaded.problems[0]?.file, file);
  assert.equal(loaded.problems[0].keyPath, '');
  assert.match(loaded.problems[0].message, /permission denied/);
  assertUsable(loaded, 'unreadable file');
});

// ---------------------------------------------------------------------------
// Generated configs: random shapes under the known keys, with near-miss and prototype-named keys.

const ruleKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RULE_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(...RULE_IDS).chain((id) => fc.nat(id.length).map((i) => id.slice(0, i) + id.slice(i + 1))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf') },
);
const severity = fc.constantFrom('off', 'info', 'warning', 'error', 'loud', '', 'OFF');
const band = fc.record({ min: fc.oneof(fc.integer({ min: -10, max: 120 }), fc.double(), fc.string({ maxLength: 3 })), max: fc.oneof(fc.integer({ min: -10, max: 120 }), fc.constant(null)) }, { requiredKeys: [] });
const options = fc.dictionary(fc.constantFrom('referral', 'reseller', 'technology', 'unknown', 'min', 'max', 'maxTiers', 'bogus'), fc.oneof(band, fc.integer(), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 });
const ruleValue = fc.oneof(severity, fc.tuple(severity), fc.tuple(severity, options), fc.jsonValue({ maxDepth: 2 }));
const configValue = fc.record(
  {
    rules: fc.oneof({ weight: 5, arbitrary: fc.dictionary(ruleKey, ruleValue, { maxKeys: 6 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
    detection: fc.oneof(fc.record({ mode: fc.constantFrom('auto', 'always', 'frontmatter', 'never', 3), include: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer())), exclude: fc.array(fc.string({ maxLength: 8 })) }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 1 })),
    synonyms: fc.oneof(fc.dictionary(fc.constantFrom('dealRegistration', 'tiers', 'mdf', 'dealRegistation', 'x', 'constructor', 'toString'), fc.oneof(fc.array(fc.string({ maxLength: 6 })), fc.string())), fc.jsonValue({ maxDepth: 1 })),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

test('config: generated configs never throw; problems name the file and a key path; the config stays complete', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  fc.assert(
    fc.property(configValue, fc.constantFrom('.partnerlintrc.json', '.partnerlintrc.yaml'), (value, name) => {
      const file = `/virtual/${name}`;
      const loaded = parseConfigText(JSON.stringify(value), file);
      configsTried++;
      for (const p of loaded.problems) {
        assert.equal(p.file, file);
        assert.equal(typeof p.keyPath, 'string');
        assert.ok(p.message.trim().length > 0);
      }
      assert.deepEqual(Object.keys(loaded.config.rules).sort(), [...RULE_IDS].sort());
      for (const s of Object.values(loaded.config.rules)) assert.ok(['off', 'info', 'warning', 'error'].includes(s.severity));
      // Every unknown rule id is reported at its own key path.
      const rules = (value as Record<string, unknown>).rules;
      if (rules && typeof rules === 'object' && !Array.isArray(rules))
        for (const id of Object.keys(rules)) if (!RULE_IDS.includes(id)) assert.ok(loaded.problems.some((p) => p.keyPath === `rules.${id}` && /unknown rule id/.test(p.message)), `unknown rule id ${JSON.stringify(id)} not reported`);
    }),
    counter.params(600),
  );
});
