/** The limit settings share their names with the command line: `timeout` (--timeout) and `maxFileSize` (--max-file-size). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_SECONDS, normalizeSettings, settingsProblems } from '../../server/settings.js';

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
