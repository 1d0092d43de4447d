// Browser smoke test of the installed Partnerlint extension in a real VS Code (code-server),
// driven like a user would drive it: Debian's Chromium through playwright-core.
//
//  1. open an example plan from the explorer
//  2. a diagnostic squiggle appears in the editor
//  3. the readiness CodeLens ("Readiness ...", with the score the engine computes) sits on the title
//  4. the Problems panel lists a finding with its rule id
//  5. "Partnerlint: Insert Template…" from the command palette inserts the picked template
//  6. a quick fix from the lightbulb edits the plan; saved to disk, the finding is gone
//  7. a second plan, opened the same way: its first squiggle
//  8. Developer: Show Running Extensions reports the extension's activation time
//
// Time to the first squiggle: from the plan's editor tab being shown to the first squiggle
// decoration in the DOM (both seen by a MutationObserver in the page), for the first plan of the
// fresh window and for the second plan. With PARTNERLINT_TIMING set (test/e2e/run.sh sets it for
// code-server), the extension and the language server append their start-up marks to that file
// (client/timing.ts, server/timing.ts); the breakdown is printed and written to
// <resultsDir>/first-squiggle.json. The test fails past SMOKE_SQUIGGLE_BOUND_MS (default 10 s);
// the 1.5 s target is reported, never enforced (the machine is shared).
//
// What to expect is computed with the same engine (out/lib/index.js) on the same file, so the
// test follows the rules rather than hard-coding results. Waits on selectors, never fixed sleeps.
//
// usage: node test/e2e/smoke.mjs <origin> <workspaceFolder> <resultsDir>
// env:   SMOKE_FILE   plan to open (name inside the workspace; default: the first one with a quick fix)
//        PARTNERLINT_TIMING  file the extension and server write their timing marks to
//        SMOKE_SQUIGGLE_BOUND_MS  fail when a first squiggle takes longer (default 20000)
//        CHROMIUM, PROFILE_PARENT, SMOKE_EXPECT_RULE (rule id the Problems panel must show; default:
//        the rule of the quick fix)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [origin, wsArg, resultsArg] = process.argv.slice(2);
if (!origin || !wsArg) {
  console.error('usage: smoke.mjs <origin> <workspaceFolder> [resultsDir]');
  process.exit(2);
}
const ws = path.resolve(wsArg);
const results = path.resolve(resultsArg || path.join(ROOT, 'test-results/editor'));
fs.mkdirSync(results, { recursive: true });

const engine = await import(path.join(ROOT, 'out/lib/index.js'));

const T0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

function analyse(file) {
  const text = fs.readFileSync(file, 'utf8');
  const { config } = engine.loadConfigForFile(file);
  return engine.lint(text, { filePath: file, config });
}

// ---- pick the plan and what to expect from it -------------------------------------------------
const candidates = process.env.SMOKE_FILE
  ? [process.env.SMOKE_FILE]
  : fs.readdirSync(ws).filter((f) => f.endsWith('.md')).sort();
let plan;
for (const name of candidates) {
  const r = analyse(path.join(ws, name));
  if (!r.isPlan || r.findings.length === 0) continue;
  // a quick fix on a finding whose fix inserts a template (its text is then easy to find again);
  // prefer the exit-criteria fix, a design-card rule
  const withFix = r.findings.filter((f) => f.fixes && f.fixes.length > 0);
  const fixFinding =
    withFix.find((f) => f.ruleId === 'exit-criteria' && f.fixes[0].templateId) ??
    withFix.find((f) => f.fixes[0].templateId) ??
    withFix[0];
  if (fixFinding || process.env.SMOKE_FILE) { plan = { name, result: r, fixFinding }; break; }
}
if (!plan) {
  console.error('no example plan with findings and a quick fix in', ws);
  process.exit(2);
}
const planPath = path.join(ws, plan.name);
// the second plan: another plan with findings (its squiggle time is that of a running server)
const secondPlan = candidates.find((name) => {
  if (name === plan.name) return false;
  const r = analyse(path.join(ws, name));
  return r.isPlan && r.findings.some((f) => f.severity !== 'hint');
});
// On a line with several missing sections, the editor offers them as one entry (the core's combined fix).
const sameSpot = plan.fixFinding ? plan.result.findings.filter((f) => f.line === plan.fixFinding.line && f.column === plan.fixFinding.column) : [];
const combined = plan.fixFinding?.fixes[0]?.templateId ? engine.insertMissingSectionsFix(fs.readFileSync(path.join(ws, plan.name), 'utf8'), sameSpot) : undefined;
const fix = combined ? { ...plan.fixFinding.fixes[0], title: combined.title } : plan.fixFinding?.fixes[0];
const expectRule = process.env.SMOKE_EXPECT_RULE || plan.fixFinding?.ruleId || plan.result.findings[0].ruleId;
const score = plan.result.readiness?.score;
// a template for the command-palette step: a section unrelated to the quick fix, so that
// inserting (and undoing) it cannot interfere with the fix
const template = engine.templates.find((t) => !t.wholePlan && t.id !== fix?.templateId && t.topic !== 'exitCriteria');
const templateLine = (id) =>
  engine.renderTemplate(id, { format: 'text' }).split('\n').map(norm).find((l) => l && !l.startsWith('#') && !l.startsWith('|') && l.length > 12);
const templateProbe = templateLine(template.id).slice(0, 40);
log(`plan ${plan.name}: ${plan.result.findings.length} findings, readiness ${score ?? 'n/a'}; ` +
  `Problems must show ${expectRule}; template "${template.title}"; quick fix "${fix?.title}" (${plan.fixFinding?.ruleId})`);

// ---- browser ---------------------------------------------------------------------------------
let failed = false;
let shotNo = 0;
const profile = fs.mkdtempSync(path.join(process.env.PROFILE_PARENT || os.tmpdir(), 'chromium-profile-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: chromiumArgs,
  viewport: { width: 1400, height: 900 },
});
const page = ctx.pages()[0] || (await ctx.newPage());
page.on('pageerror', (e) => log('pageerror:', e.message.split('\n')[0]));

async function shot(name) {
  const file = path.join(results, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch((e) => log('screenshot failed', e.message));
  return file;
}
async function step(name, fn) {
  const t = Date.now();
  try {
    const r = await fn();
    log(`OK   ${name} (${Date.now() - t} ms)`);
    return r;
  } catch (e) {
    log(`FAIL ${name} (${Date.now() - t} ms): ${String(e.message).split('\n')[0]}`);
    throw e;
  }
}
/** Polls fn until it returns a truthy value. */
async function until(fn, what, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const editorLines = () => page.locator('.editor-instance .monaco-editor .view-lines').first();
const editorText = async () => norm(await editorLines().innerText());
/** Keyboard focus into the editor (a click could scroll Monaco's DOM; the command is safe). */
async function focusEditor() {
  const focused = page.locator('.editor-instance .monaco-editor.focused');
  if (await focused.count()) return;
  await runCommand('View: Focus Active Editor Group', 'Focus Active Editor Group');
  await focused.first().waitFor({ timeout: 10000 });
}
/** Runs a command from the command palette (F1), clicking the row that shows rowText. */
async function runCommand(label, rowText = label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15000 });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15000 }).catch(() => {});
}
/** Moves the cursor with the palette's go-to-line mode. */
async function goTo(line, column) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15000 });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 10000 });
}
async function problemRows() {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return (await rows.allInnerTexts()).map(norm);
}
/** A Problems row reads "message partnerlint(rule-id) [Ln 1, Col 1]" (the parentheses are CSS). */
function showsRule(row, rule) {
  return new RegExp(`partnerlint\\W{0,3}${rule}(?![\\w-])`).test(row);
}


// ---- time to the first squiggle ----------------------------------------------------------------
const TIMING_FILE = process.env.PARTNERLINT_TIMING || '';
// generous: in a fresh window the extension host itself may still be starting when the tab shows
// (up to 6 s on a loaded 2-core machine), and that is outside the extension
const SQUIGGLE_BOUND_MS = Number(process.env.SMOKE_SQUIGGLE_BOUND_MS || 20000);
const SQUIGGLE_TARGET_MS = 1500;
const SQUIGGLE = '.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)';
const squiggles = {};

/**
 * Watches the page from now on for the plan's tab and then the first squiggle; the times (ms
 * since the epoch, the clock the extension and server marks use) land in window.__squiggleTiming.
 */
async function watchFirstSquiggle(name) {
  await page.evaluate(({ name, selector }) => {
    const w = (window.__squiggleTiming = { name, tab: 0, squiggle: 0 });
    const now = () => performance.timeOrigin + performance.now();
    const check = () => {
      if (!w.tab && [...document.querySelectorAll('.tabs-container .tab')].some((t) => t.textContent.includes(name))) w.tab = now();
      if (w.tab && !w.squiggle && document.querySelector(selector)) {
        w.squiggle = now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    check();
  }, { name, selector: SQUIGGLE });
}

function timingMarks() {
  if (!TIMING_FILE) return [];
  let text = '';
  try {
    text = fs.readFileSync(TIMING_FILE, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line)] : [];
    } catch {
      return [];
    }
  });
}

/** Phases between two marks of the timeline (names as in the timeline); those whose marks are missing are left out. */
const PHASES = [
  ['extension host start -> tab shown', 'extension: extension host start', 'tab shown'],
  ['tab shown -> extension loaded', 'tab shown', 'extension: extension loaded'],
  ['extension loaded -> activate()', 'extension: extension loaded', 'extension: activate'],
  ['activate() itself', 'extension: activate', 'extension: activated'],
  ['activate() -> server process start', 'extension: activate', 'server: process start'],
  ['server: node start + loading the bundle', 'server: process start', 'server: bundle loaded'],
  ['server: bundle loaded -> initialize', 'server: bundle loaded', 'server: initialize'],
  ['initialize -> client ready', 'server: initialize', 'extension: client ready'],
  ['client ready -> didOpen', 'extension: client ready', 'server: didOpen'],
  ['didOpen -> diagnostic pull', 'server: didOpen', 'server: diagnostic pull'],
  ['configuration round trip', 'server: configuration asked', 'server: configuration answered'],
  ['analysis thread start -> ready', 'server: thread start', 'server: thread ready'],
  ['diagnostic pull -> analysis start', 'server: diagnostic pull', 'server: analysis start'],
  ['analysis', 'server: analysis start', 'server: analysis end'],
  ['analysis end -> diagnostics answered', 'server: analysis end', 'server: diagnostic answered'],
  ['diagnostics answered -> squiggle in the DOM', 'server: diagnostic answered', 'squiggle'],
];

/**
 * The breakdown of one first squiggle: the page's times and the marks of the extension host
 * and server of this window (`since`: marks before it belong to other windows or plans).
 */
function squiggleBreakdown(name, browser, since) {
  const uri = pathToFileURL(path.join(ws, name)).href;
  const sameDoc = (m) => m.uri === undefined || m.uri === uri || decodeURIComponent(m.uri) === decodeURIComponent(uri);
  const all = timingMarks().filter((m) => m.t >= since && sameDoc(m));
  // this window's extension host: the one that activated after the page was opened; its server: the child it started
  const activation = all.find((m) => m.src === 'extension' && m.name === 'activate');
  const extPid = activation?.pid ?? all.find((m) => m.src === 'extension')?.pid;
  const serverPid = all.find((m) => m.src === 'server' && m.ppid === extPid)?.pid ?? all.find((m) => m.src === 'server')?.pid;
  const marks = all.filter((m) => (m.src === 'extension' ? m.pid === extPid : m.pid === serverPid));
  const timeline = [{ name: 'tab shown', t: browser.tab }];
  const seen = new Set();
  for (const m of marks) {
    const label = `${m.src === 'extension' ? 'extension' : 'server'}: ${m.src === 'server-thread' ? `thread: ${m.name}` : m.name}`;
    if (seen.has(label)) continue; // the first of each
    seen.add(label);
    timeline.push({ name: label, t: m.t, ...(m.items !== undefined ? { items: m.items } : {}), ...(m.error ? { error: true } : {}) });
  }
  timeline.push({ name: 'squiggle', t: browser.squiggle });
  timeline.sort((a, b) => a.t - b.t);
  const at = new Map(timeline.map((e) => [e.name, e.t]));
  const phases = {};
  for (const [label, from, to] of PHASES) if (at.has(from) && at.has(to)) phases[label] = Math.round(at.get(to) - at.get(from));
  const sinceMark = (mark) => (at.has(mark) ? Math.round(browser.squiggle - at.get(mark)) : undefined);
  return {
    plan: name,
    ms: Math.round(browser.squiggle - browser.tab),
    // the parts the extension and its server account for
    from_extension_loaded_ms: sinceMark('extension: extension loaded'),
    from_server_start_ms: sinceMark('server: process start'),
    tab_shown_epoch_ms: Math.round(browser.tab),
    timeline: timeline.map((e) => ({ ...e, t: undefined, at_ms: Math.round(e.t - browser.tab) })),
    phases,
  };
}

/** Waits for the squiggle watched by watchFirstSquiggle; records and prints the breakdown. */
async function firstSquiggle(key, name, since) {
  await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 60000 });
  const browser = await until(() => page.evaluate(() => (window.__squiggleTiming?.squiggle ? window.__squiggleTiming : undefined)), 'the squiggle time', 5000);
  const b = squiggleBreakdown(name, browser, since);
  squiggles[key] = b;
  log(`     FIRST-SQUIGGLE ${key} plan ${name}: ${b.ms} ms from the tab to the first squiggle (target ${SQUIGGLE_TARGET_MS} ms: ${b.ms <= SQUIGGLE_TARGET_MS ? 'met' : 'missed'})` +
    (b.from_extension_loaded_ms !== undefined ? `; ${b.from_extension_loaded_ms} ms from the extension's load, ${b.from_server_start_ms} ms from the server's start` : ''));
  let previous = 0;
  for (const e of b.timeline) {
    log(`       ${String(e.at_ms).padStart(6)} ms  (+${String(e.at_ms - previous).padStart(5)})  ${e.name}${e.items !== undefined ? ` (${e.items} items)` : ''}${e.error ? ' (error)' : ''}`);
    previous = e.at_ms;
  }
  writeSquiggles();
  if (b.ms > SQUIGGLE_BOUND_MS) throw new Error(`the first squiggle took ${b.ms} ms, over the ${SQUIGGLE_BOUND_MS} ms bound`);
}

function writeSquiggles() {
  const file = path.join(results, 'first-squiggle.json');
  fs.writeFileSync(file, JSON.stringify({ target_ms: SQUIGGLE_TARGET_MS, bound_ms: SQUIGGLE_BOUND_MS, timing_marks: Boolean(TIMING_FILE), ...squiggles }, null, 2) + '\n');
}

try {
  const opened = Date.now();
  await step('load the workbench', async () => {
    await page.goto(`${origin}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  });

  await step(`open ${plan.name} from the explorer`, async () => {
    await watchFirstSquiggle(plan.name);
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: plan.name }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    await page.locator('.tabs-container .tab', { hasText: plan.name }).first().waitFor({ timeout: 30000 });
    await editorLines().waitFor({ timeout: 30000 });
  });

  await step('diagnostic squiggle in the editor', () => firstSquiggle('first', plan.name, opened));

  await step('readiness CodeLens on the title', async () => {
    // the squiggle is there, so the server has analysed the plan: the lens follows shortly
    const lens = page.locator('.editor-instance .codelens-decoration', { hasText: 'Readiness' }).first();
    await lens.waitFor({ timeout: 20000 });
    const text = norm(await lens.innerText());
    log(`     lens: ${JSON.stringify(text)}`);
    if (!text.startsWith('Readiness')) throw new Error(`lens text ${JSON.stringify(text)}`);
    if (typeof score === 'number' && !new RegExp(`\\b${score}\\b`).test(text))
      throw new Error(`lens ${JSON.stringify(text)} does not show the score ${score}`);
  });
  await shot('diagnostics-and-codelens');

  await step(`Problems panel lists ${expectRule} with its rule id`, async () => {
    await focusEditor();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 15000 });
    // filter the panel by the rule id, so the row is in view however many problems there are
    const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
    await filter.fill(expectRule);
    let last = [];
    const rows = await until(async () => {
      const r = (last = await problemRows());
      const items = r.filter((t) => /partnerlint/.test(t));
      return items.length > 0 && items.every((t) => showsRule(t, expectRule)) ? items : undefined;
    }, `a Problems row with "(${expectRule})"`, 30000).catch((e) => {
      log(`     Problems rows: ${JSON.stringify(last.slice(0, 5))}`);
      throw e;
    });
    const withIds = rows.filter((t) => /partnerlint\W{0,3}[a-z][a-z0-9-]+ \[Ln/.test(t));
    log(`     ${withIds.length} rows for the filter "${expectRule}", e.g. ${JSON.stringify(withIds.find((t) => showsRule(t, expectRule)))}`);
    await shot('problems-panel');
    await filter.fill('');
    if (plan.result.findings.some((f) => f.ruleId !== expectRule))
      await until(async () => (await problemRows()).some((t) => /partnerlint/.test(t) && !showsRule(t, expectRule)),
        'the Problems panel to list the other findings again', 10000);
  });

  await step(`"Partnerlint: Insert Template…" inserts "${template.title}"`, async () => {
    await focusEditor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15000 });
    await input.fill('>Partnerlint: Insert Template');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Partnerlint: Insert Template' }).first().click({ timeout: 15000 });
    // second step: the template picker
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert Template' }).first().waitFor({ timeout: 15000 });
    await input.fill(template.title);
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: template.title }).first();
    await pick.waitFor({ timeout: 15000 });
    await shot('template-picker');
    await pick.click();
    await until(async () => (await editorText()).includes(templateProbe), `"${templateProbe}" in the editor`, 15000);
  });
  await shot('template-inserted');

  await step('undo removes the template again', async () => {
    await page.keyboard.press('Escape'); // leave snippet mode
    await until(async () => {
      if (!(await editorText()).includes(templateProbe)) return true;
      await page.keyboard.press('Control+Z');
      return false;
    }, 'the template to be undone', 10000);
    await until(async () => !(await editorText()).includes(templateProbe), 'the template to stay undone', 5000);
  });

  if (fix) {
    const line = plan.fixFinding.line;
    const probe = fix.templateId ? templateLine(fix.templateId) : undefined;
    const original = fs.readFileSync(planPath, 'utf8');
    await step(`quick fix "${fix.title}" from the lightbulb`, async () => {
      await focusEditor();
      await goTo(line, plan.fixFinding.column);
      const bulb = page.locator('.editor-instance .lightBulbWidget').first();
      await bulb.waitFor({ state: 'visible', timeout: 30000 });
      await shot('lightbulb');
      await bulb.click();
      const action = page.locator('.action-widget .monaco-list-row', { hasText: fix.title }).first();
      await action.waitFor({ timeout: 15000 });
      await shot('quick-fix-menu');
      // choose it with the keyboard, as the menu is meant to be used (a pointer click can land on a hover)
      const focusedRow = page.locator('.action-widget .monaco-list-row.focused');
      await until(async () => {
        const t = (await focusedRow.count()) ? norm(await focusedRow.first().innerText()) : '';
        if (t === fix.title) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      }, `"${fix.title}" to be selected in the menu`, 15000);
      await page.keyboard.press('Enter');
      await until(async () => !(await problemRows()).some((t) => showsRule(t, plan.fixFinding.ruleId)),
        `${plan.fixFinding.ruleId} to leave the Problems panel`, 30000);
      await page.keyboard.press('Escape'); // leave snippet mode, if the fix was a snippet
    });
    await step('saved plan carries the fix; the finding is gone', async () => {
      await focusEditor();
      await page.keyboard.press('Control+S');
      // the save is done when the tab is clean; the file is then read once (a read during the
      // write could see it half written)
      await until(async () => fs.readFileSync(planPath, 'utf8') !== original, 'the plan to change on disk', 15000);
      await page.locator('.tabs-container .tab.dirty', { hasText: plan.name }).first()
        .waitFor({ state: 'detached', timeout: 10000 });
      const after = await until(() => {
        const t = fs.readFileSync(planPath, 'utf8');
        return !probe || norm(t).includes(probe) ? t : undefined;
      }, `the fix's text "${probe}" in the saved plan`, 5000);
      const still = analyse(planPath).findings.filter((f) => f.ruleId === plan.fixFinding.ruleId);
      if (still.length) throw new Error(`the engine still reports ${plan.fixFinding.ruleId} on the saved plan`);
      log(`     saved plan: ${original.length} -> ${after.length} characters`);
    });
    await shot('quick-fix-applied');
  }

  if (secondPlan) {
    await step(`second plan ${secondPlan}: its first squiggle`, async () => {
      // no editor left open: the squiggle seen can only be the new plan's
      await runCommand('View: Close All Editors', 'Close All Editors');
      await until(async () => (await page.locator(SQUIGGLE).count()) === 0, 'the editors to close', 10000);
      const since = Date.now();
      await watchFirstSquiggle(secondPlan);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: secondPlan }).first().click({ timeout: 30000 });
      await firstSquiggle('second', secondPlan, since);
    });
  }

  await step('activation time (Developer: Show Running Extensions)', async () => {
    await runCommand('Developer: Show Running Extensions', 'Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Partnerlint' }).first();
    await row.waitFor({ timeout: 20000 });
    const time = norm(await until(async () => {
      const t = await row.locator('.activation-time').innerText();
      return /\d+ms/.test(t) ? t : undefined;
    }, 'an activation time', 15000));
    log(`     ACTIVATION ${time}`);
  });
  await shot('running-extensions');
} catch (e) {
  failed = true;
  await shot('failure');
} finally {
  await ctx.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
}
log(`screenshots in ${results}`);
log(failed ? 'RESULT: FAIL' : 'RESULT: PASS');
process.exit(failed ? 1 : 0);
