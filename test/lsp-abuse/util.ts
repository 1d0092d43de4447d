/**
 * Helpers for the abuse tests: the engine's own answer for a text (what the server must
 * publish), the server process's memory, a seeded random source, and a large plan.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ConfigurationRequest, ResponseError, type ConfigurationParams, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { lint, loadConfigForFile, ruleDocsUrl, type Finding } from '../../lib/index.js';
import { tempDir, type LspClient } from '../lsp/harness.js';
import { RESELLER_PLAN } from '../lsp/fixtures.js';
import { seededRandom } from '../helpers.js';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** The engine's findings for `text` at `file`, with the config the server would load for it. */
export function engineFindings(text: string, file: string): Finding[] {
  return lint(text, { filePath: file, config: loadConfigForFile(file).config }).findings;
}

/**
 * Asserts that `diagnostics` are exactly the engine's findings for `text`, in order:
 * rule, message, severity, range, documentation link, and the document version they carry.
 */
export function assertMatchesEngine(diagnostics: Diagnostic[], text: string, file: string, version: number, what: string): void {
  const findings = engineFindings(text, file);
  assert.equal(
    diagnostics.length,
    findings.length,
    `${what}: ${diagnostics.length} diagnostics, the engine finds ${findings.length} (${findings.map((f) => f.ruleId).join(', ')})`,
  );
  for (const [i, finding] of findings.entries()) {
    const d = diagnostics[i];
    assert.equal(d.code, finding.ruleId, `${what}: diagnostic ${i} rule`);
    assert.equal(d.message, finding.message, `${what}: diagnostic ${i} message`);
    assert.equal(d.severity, SEVERITY[finding.severity], `${what}: diagnostic ${i} severity`);
    assert.deepEqual(
      d.range,
      {
        start: { line: finding.line - 1, character: finding.column - 1 },
        end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
      },
      `${what}: diagnostic ${i} (${finding.ruleId}) range`,
    );
    assert.deepEqual(d.codeDescription, { href: ruleDocsUrl(finding.ruleId) });
    const data = d.data as { version: number; fixes: Array<{ title: string }> };
    assert.equal(data.version, version, `${what}: diagnostic ${i} carries its document version`);
    assert.deepEqual(
      data.fixes.map((f) => f.title),
      (finding.fixes ?? []).map((f) => f.title),
      `${what}: diagnostic ${i} fixes`,
    );
  }
}

export interface Memory {
  /** Resident set size now, in kB. */
  rssKb: number;
  /** Peak resident set size of the process so far, in kB. */
  peakKb: number;
}

/** The memory of a process, read from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    assert.ok(match, `${name} in /proc/${pid}/status`);
    return Number(match[1]);
  };
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

export const hasProcStatus = fs.existsSync('/proc/self/status');

/** Random integers in [0, n) from a seeded source, so a failing run can be replayed. */
export function random(seed: number): (n: number) => number {
  const next = seededRandom(seed);
  return (n: number) => Math.floor(next() * n);
}

/** The reseller fixture with its body repeated: a plan of roughly `copies` × 2 KB that takes a while to lint. */
export function largePlan(copies: number): string {
  const lines = RESELLER_PLAN.split('\n');
  const titleAt = lines.findIndex((l) => l.startsWith('# '));
  const body = lines.slice(titleAt + 1).join('\n');
  return RESELLER_PLAN + `\n${body}`.repeat(copies - 1);
}

/** The JSON-RPC error code of a rejected request, or undefined when it was not a response error. */
export function errorCode(error: unknown): number | undefined {
  if (error instanceof ResponseError) return error.code;
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number') {
    return (error as { code: number }).code;
  }
  return undefined;
}

/** Settles a promise into a value or the error it rejected with, so a test can assert either. */
export async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Rejects when `promise` has not settled within `ms` (turns a hang into a failure; never a pause). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Replaces the harness's answer to workspace/configuration with the same answer, calling
 * `before(uri)` first: the hook runs while the server waits for the settings of that document.
 */
export function onSettingsRequest(client: LspClient, before: (uri: string | undefined) => Promise<void> | void): void {
  client.connection.onRequest(ConfigurationRequest.type, async (params: ConfigurationParams) => {
    await before(params.items[0]?.scopeUri);
    return params.items.map((item) => (item.section === 'partnerlint' ? client.settings : null));
  });
}

/** A fresh temporary folder, removed when the test ends. */
export function scratchDir(t: { after: (fn: () => void) => void }): string {
  const dir = tempDir('partnerlint-abuse-');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
