/**
 * A thousand edits, about a millisecond apart: the server must end on diagnostics that are
 * exactly the engine's for the final text, never publish a result that does not match the
 * version it names, and keep its memory bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as pace } from 'node:timers/promises';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextEdit } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, writePlan } from '../lsp/harness.js';
import { RESELLER_PLAN } from '../lsp/fixtures.js';
import { assertMatchesEngine, errorCode, hasProcStatus, type Memory, memoryOf, random, scratchDir, settle } from './util.js';

const EDITS = 1000;
const MB = 1024;
/** Peak resident memory allowed above the baseline while the edits arrive (measured: about 40 MB). */
const PEAK_GROWTH_LIMIT_KB = 256 * MB;
/** Resident memory allowed above the baseline once the document is closed (measured: 20-45 MB). */
const SETTLED_GROWTH_LIMIT_KB = 128 * MB;
const SEED = Number(process.env.PARTNERLINT_FUZZ_SEED ?? 20250611);

/** What a writer types and pastes: plain keys, line breaks, plan sentences that rules react to, emoji, CRLF, markup. */
const SNIPPETS = [
  'a', 'e', ' ', 't', 'r', '.', '\n', '\n\n', '\r\n', '🚀', 'Zoë ',
  '## Deal registration\n', '## Exit criteria\n', '## Partner tiers\n',
  'Resellers keep a 45% margin on every seat. ',
  'Registrations are approved within 48 hours. ',
  'Referral partners earn a 5% referral fee. ',
  '| Tier | Margin |\n|---|---|\n| Gold | 30% |\n',
  '- [ ] ', '**', '`', '> ', '---\n', '<!-- partnerlint-disable margin-range -->\n',
];

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One didChange worth of edits, as an editor sends them (non-overlapping, last first). */
function randomEdits(text: string, rnd: (n: number) => number): TextEdit[] {
  const doc = TextDocument.create('untitled:churn', 'markdown', 0, text);
  const offset = (max = text.length) => {
    let o = rnd(max + 1);
    if (o > 0 && o < text.length && isLowSurrogate(text.charCodeAt(o))) o--;
    return o;
  };
  const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const snippet = () => SNIPPETS[rnd(SNIPPETS.length)];
  const tooLong = text.length > 12_000;
  const kind = tooLong ? 60 + rnd(25) : rnd(100);
  if (kind < 55 || text.length < 400) {
    const at = offset();
    return [{ range: range(at, at), newText: snippet() }];
  }
  if (kind < 85) {
    const start = offset();
    let end = Math.min(text.length, start + 1 + rnd(tooLong ? 400 : 12));
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    return [{ range: range(start, end), newText: '' }];
  }
  if (kind < 95) {
    const start = offset();
    let end = Math.min(text.length, start + rnd(80));
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    return [{ range: range(start, end), newText: snippet() }];
  }
  // Two inserts in one change (multi-cursor); sent bottom-up so each range holds when applied in turn.
  const [a, b] = [offset(), offset()].sort((x, y) => y - x);
  if (a === b) return [{ range: range(a, a), newText: snippet() }];
  return [
    { range: range(a, a), newText: snippet() },
    { range: range(b, b), newText: snippet() },
  ];
}

interface ChurnOutcome {
  finalVersion: number;
  texts: Map<number, string>;
  sentMs: number;
  peak: Memory | undefined;
}

/** Sends EDITS random edits about 1 ms apart (pacing the load, not waiting for anything); samples memory as it goes. */
async function churn(client: LspClient, uri: string, seed: number, onEvery100?: (version: number) => void): Promise<ChurnOutcome> {
  const rnd = random(seed);
  const pid = client.child?.pid;
  const texts = new Map<number, string>([[client.version(uri), client.text(uri)]]);
  let version = client.version(uri);
  let peak: Memory | undefined;
  const started = performance.now();
  for (let i = 1; i <= EDITS; i++) {
    const next = await client.edit(uri, ++version, randomEdits(client.text(uri), rnd));
    texts.set(version, next);
    if (i % 100 === 0) {
      if (pid !== undefined && hasProcStatus) {
        const m = memoryOf(pid);
        peak = { rssKb: Math.max(peak?.rssKb ?? 0, m.rssKb), peakKb: m.peakKb };
      }
      onEvery100?.(version);
    }
    await pace(1);
  }
  return { finalVersion: version, texts, sentMs: performance.now() - started, peak };
}

test(`${EDITS} edits about 1 ms apart: the final diagnostics are the engine's for the final text, and memory stays bounded`, async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const pid = client.child!.pid!;
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const baseline = hasProcStatus ? memoryOf(pid) : undefined;

  const outcome = await churn(client, uri, SEED);
  const sentAt = performance.now();
  const final = await client.waitForDiagnostics(uri, (p) => p.version === outcome.finalVersion);
  const lagMs = performance.now() - sentAt;
  const finalText = client.text(uri);
  assert.equal(outcome.texts.get(outcome.finalVersion), finalText);
  assertMatchesEngine(final.diagnostics, finalText, file, outcome.finalVersion, `version ${outcome.finalVersion}`);

  // A request answered after the final publication proves nothing else was on its way.
  await client.request('textDocument/codeLens', { textDocument: { uri } });
  const published = client.diagnostics.get(uri) ?? [];
  assert.deepEqual(published.at(-1), final, 'the final version is the last one published');
  const versions = published.map((p) => p.version ?? -1);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions never go backwards: ${versions.join(', ')}`);
  for (const p of published) {
    assertMatchesEngine(p.diagnostics, outcome.texts.get(p.version!)!, file, p.version!, `published version ${p.version}`);
  }

  await client.close(uri);
  await client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
  // Open and close another plan a few times, so the closed one's leftovers can be collected.
  const other = writePlan(scratchDir(t), 'other.md', RESELLER_PLAN).uri;
  for (let i = 0; i < 3; i++) {
    const mark = client.mark();
    await client.open(other, RESELLER_PLAN);
    await client.waitForDiagnostics(other, (p) => p.version === 1, { since: mark });
    await client.close(other);
  }
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);

  t.diagnostic(`edits survived: ${EDITS} (versions 2-${outcome.finalVersion}, sent in ${Math.round(outcome.sentMs)} ms; ` +
    `final diagnostics ${Math.round(lagMs)} ms later: ${final.diagnostics.length} findings, ${finalText.length} characters); ` +
    `${published.length} publications (debounced)`);
  if (baseline) {
    const end = memoryOf(pid);
    t.diagnostic(
      `server RSS: baseline ${Math.round(baseline.rssKb / MB)} MB, peak ${Math.round(end.peakKb / MB)} MB, ` +
        `after close ${Math.round(end.rssKb / MB)} MB (seed ${SEED})`,
    );
    assert.ok(end.peakKb - baseline.rssKb < PEAK_GROWTH_LIMIT_KB, `peak RSS ${end.peakKb} kB vs baseline ${baseline.rssKb} kB`);
    assert.ok(end.rssKb - baseline.rssKb < SETTLED_GROWTH_LIMIT_KB, `RSS after close ${end.rssKb} kB vs baseline ${baseline.rssKb} kB`);
  }
});

test(`${EDITS} edits with no debounce and settings changes: every publication matches the version it names, and the last one is the final text's`, async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const pid = client.child!.pid!;
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const baseline = hasProcStatus ? memoryOf(pid) : undefined;

  // Every 100 edits the settings change too: the server asks for them again while edits keep coming.
  let settingsChanges = 0;
  const outcome = await churn(client, uri, SEED + 1, () => {
    settingsChanges++;
    void client.changeConfiguration({ debounceMs: 0 });
  });
  const final = await client.waitForDiagnostics(uri, (p) => p.version === outcome.finalVersion);
  assertMatchesEngine(final.diagnostics, client.text(uri), file, outcome.finalVersion, `version ${outcome.finalVersion}`);
  await client.request('textDocument/codeLens', { textDocument: { uri } });

  const published = client.diagnostics.get(uri) ?? [];
  assert.deepEqual(published.at(-1), final, 'the final version is the last one published');
  assert.ok(published.length > 2, `the server kept linting while the edits arrived (${published.length} publications)`);
  const versions = published.map((p) => p.version ?? -1);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'published versions never go backwards');
  for (const p of published) {
    assertMatchesEngine(p.diagnostics, outcome.texts.get(p.version!)!, file, p.version!, `published version ${p.version}`);
  }

  await client.close(uri);
  await client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
  t.diagnostic(`edits survived: ${EDITS} and ${settingsChanges} settings changes; ${published.length} publications, each checked against the engine for its version`);
  if (baseline) {
    const end = memoryOf(pid);
    t.diagnostic(`server RSS: baseline ${Math.round(baseline.rssKb / MB)} MB, peak ${Math.round(end.peakKb / MB)} MB, after close ${Math.round(end.rssKb / MB)} MB`);
    assert.ok(end.peakKb - baseline.rssKb < PEAK_GROWTH_LIMIT_KB, `peak RSS ${end.peakKb} kB vs baseline ${baseline.rssKb} kB`);
    assert.ok(end.rssKb - baseline.rssKb < SETTLED_GROWTH_LIMIT_KB, `RSS after close ${end.rssKb} kB vs baseline ${baseline.rssKb} kB`);
  }
});

test(`${EDITS} edits with pull diagnostics requested meanwhile: each report is right for its version or retriggered, the last is the final text's`, async (t) => {
  const client = await LspClient.start({ pull: true });
  t.after(() => client.dispose());
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);

  const pulls: Array<Promise<{ ok: true; value: DocumentDiagnosticReport } | { ok: false; error: unknown }>> = [];
  const outcome = await churn(client, uri, SEED + 2, () => {
    pulls.push(settle(client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })));
  });
  const midway = await Promise.all(pulls);
  let full = 0;
  for (const answer of midway) {
    if (answer.ok) {
      assert.equal(answer.value.kind, 'full');
      const report = answer.value as FullDocumentDiagnosticReport;
      const version = Number(report.resultId?.split(':')[0]);
      assertMatchesEngine(report.items, outcome.texts.get(version)!, file, version, `pulled report for version ${version}`);
      full++;
    } else {
      // The document changed while the request waited: the client is told to ask again.
      assert.equal(errorCode(answer.error), -32802, `a pull during edits is answered or retriggered, not failed: ${String(answer.error)}`);
    }
  }

  const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  assert.equal(report.resultId?.split(':')[0], String(outcome.finalVersion));
  assertMatchesEngine(report.items, client.text(uri), file, outcome.finalVersion, 'final pulled report');
  assert.equal(client.diagnostics.get(uri), undefined, 'nothing is pushed to a pull client');
  t.diagnostic(`edits survived: ${EDITS}; ${midway.length} pulls meanwhile (${full} answered, ${midway.length - full} retriggered)`);
});
