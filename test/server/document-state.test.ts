/** The document state in memory: per-document state, settings read once, analyses kept while current. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore, isCurrent } from '../../server/document-state.js';
import { normalizeSettings } from '../../server/settings.js';
import { URI } from './analysed.js';

test('an analysis is current only for the same version and the same text', () => {
  const document = TextDocument.create(URI, 'markdown', 2, 'text');
  assert.equal(isCurrent({ version: 2, text: 'text' }, document), true);
  assert.equal(isCurrent({ version: 2, text: 'other' }, document), false);
  assert.equal(isCurrent({ version: 1, text: 'text' }, document), false);
  assert.equal(isCurrent({ version: 2, text: 'text' }, undefined), false);
});

test("a document's settings are read once, kept as its last settings, and read again once dropped", async () => {
  const store = new DocumentStore(() => undefined);
  let reads = 0;
  const read = async () => normalizeSettings({ debounceMs: 10 * ++reads });
  const first = await store.settingsFor(URI, read);
  assert.equal((await store.settingsFor(URI, read)).debounceMs, first.debounceMs);
  assert.equal(reads, 1);
  assert.equal(store.state(URI).lastSettings?.debounceMs, 10);
  store.dropSettings();
  assert.equal((await store.settingsFor(URI, read)).debounceMs, 20);
  assert.equal(reads, 2);
});

test('state is created on first use and dropped with everything in it; a dropped analysis is gone', () => {
  const store = new DocumentStore(() => undefined);
  assert.equal(store.existing(URI), undefined);
  const st = store.state(URI);
  st.changeGeneration = 3;
  st.analysis = { id: 1, version: 1, generation: 0, result: null, diagnostics: [], text: '', settings: normalizeSettings(undefined) };
  assert.equal(store.state(URI), st);
  store.dropAnalyses();
  assert.equal(st.analysis, undefined);
  let fired = false;
  st.timer = setTimeout(() => (fired = true), 5);
  store.forget(URI);
  assert.equal(store.existing(URI), undefined);
  return new Promise<void>((resolve) =>
    setTimeout(() => {
      assert.equal(fired, false, 'a pending debounce is stopped');
      resolve();
    }, 20),
  );
});
