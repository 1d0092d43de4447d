/** The limit settings share their names with the command line: `timeout` (--timeout) and `maxFileSize` (--max-file-size). */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_SECONDS, normalizeSettings, settingsProblems } from '../../server/settings.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

test('timeout and maxFileSize are read from the settings, with the defaults of the command line', () => {
  const defaults = normalizeSettings({});
  assert.equal(defaults.timeout, DEFAULT_TIMEOUT_SECONDS);
  assert.equal(defaults.maxFileSize, DEFAULT_MAX_FILE_SIZE);
  const set = normalizeSettings({ timeout: 2.5, maxFileSize: 1000 });
  assert.equal(set.timeout, 2.5);
  assert.equal(set.maxFileSize, 1000);
  assert.deepEqual(settingsProblems({ timeout: 2.5, maxFileSize: 1000 }), []);
  assert.deepEqual(settingsProblems({ timeout: null }), []);
});

test('an invalid limit falls back to its default, and the problem names the setting', () => {
  const raw = { timeout: 'soon', maxFileSize: -1 };
  const settings = normalizeSettings(raw);
  assert.equal(settings.timeout, DEFAULT_TIMEOUT_SECONDS);
  assert.equal(settings.maxFileSize, DEFAULT_MAX_FILE_SIZE);
  const problems = settingsProblems(raw);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /^setting partnerlint\.maxFileSize: expected a number of bytes above 0, got -1; using 5242880$/);
  assert.match(problems[1], /^setting partnerlint\.timeout: expected a number of seconds above 0, got "soon"; using 20$/);
});

test('the server logs an invalid timeout once, naming the setting, and still lints', async (t) => {
  const client = await LspClient.start({ settings: { timeout: -3, debounceMs: 0 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.ok(published.diagnostics.length > 0, 'linted with the default timeout');
  assert.equal(client.logs.filter((l) => /setting partnerlint\.timeout: expected a number of seconds above 0, got -3; using 20/.test(l)).length, 1, client.logs.join('\n'));
});

test('partnerlint.timeout is the time budget of an analysis', async (t) => {
  const client = await LspClient.start({ settings: { timeout: 0.000001, debounceMs: 0 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.equal(published.diagnostics.length, 1);
  assert.equal(published.diagnostics[0].code, 'not-analysed');
  assert.match(published.diagnostics[0].message, /^Not analysed: it took longer than 0\.000001 s \(setting partnerlint\.timeout\)\. Findings in this file are not reported\.$/);
});

test('a config file\'s limits apply in the editor when they are smaller than the editor settings', async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.partnerlintrc.json'), JSON.stringify({ limits: { maxFileSize: 1000 } }));
  const { uri } = writePlan(dir, 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.equal(published.diagnostics.length, 1);
  assert.match(published.diagnostics[0].message, /over the 1000 bytes limit \(limits\.maxFileSize in the config file\)/);

  // A larger value in the config file does not raise the editor's limit.
  const other = tempDir();
  fs.writeFileSync(path.join(other, '.partnerlintrc.json'), JSON.stringify({ limits: { timeout: 600, maxFileSize: 10 ** 9 } }));
  const strict = await LspClient.start({ settings: { debounceMs: 0, timeout: 0.000001 } });
  t.after(() => strict.dispose());
  const second = writePlan(other, 'plan.md', RESELLER_PLAN);
  await strict.open(second.uri, RESELLER_PLAN);
  const stopped = await strict.waitForDiagnostics(second.uri, (p) => p.version === 1);
  assert.match(stopped.diagnostics[0].message, /it took longer than 0\.000001 s \(setting partnerlint\.timeout\)/);
});
