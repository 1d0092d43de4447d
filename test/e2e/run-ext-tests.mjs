// Runs an extension's mocha integration suite (a module exporting run(), the same contract as
// @vscode/test-electron's extensionTestsPath) inside code-server's Node extension host.
// The workbench is opened in Debian's Chromium (playwright-core) with the `payload` URL parameter
// carrying extensionDevelopmentPath + extensionTestsPath; when the suite settles, the workbench
// calls window.codeAutomationExit(code). Exit code of this script = result of the suite.
//
// usage: node test/e2e/run-ext-tests.mjs <origin> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>
// env:   CHROMIUM (default /usr/bin/chromium), PROFILE_PARENT (dir for the throw-away browser profile),
//        TEST_TIMEOUT_MS (default 300000), VERBOSE=1 (all workbench log lines), SHOT (screenshot path)
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './browser.mjs';

const [origin, folder, devPath, testsPath] = process.argv.slice(2);
if (!testsPath) {
  console.error('usage: run-ext-tests.mjs <origin> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>');
  process.exit(2);
}
const authority = new URL(origin).host; // code-server's remote authority = the Host header
const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
const payload = [
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsPath)],
];
const url = `${origin}/?folder=${encodeURIComponent(path.resolve(folder))}` +
  `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const T0 = Date.now();
const ts = () => `[${((Date.now() - T0) / 1000).toFixed(1)}s]`;
const NOISE = /^(Resolv|Creating a socket|Updating additional|ChatSession|\[Service Worker|Started local extension host|Extension host \(|Remote extension host)/;

const profile = fs.mkdtempSync(path.join(process.env.PROFILE_PARENT || os.tmpdir(), 'chromium-profile-'));
let ctx;
let exitCode = 2;
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
  const done = new Promise((resolve) => {
    // hooks the web workbench calls in automation mode (as @vscode/test-web uses them)
    ctx.exposeFunction('codeAutomationLog', (type, args) => {
      let line = util.format(...(args || [])).replace(/^%c\s*\S+\s+color:\s*#\w+\s*/, '');
      if (!process.env.VERBOSE) {
        if (NOISE.test(line)) return;
        line = line.replace(/\n\s+at [\s\S]*$/, ''); // workbench stack traces: first line is enough
      }
      console.log(`[${type}]`, line);
    });
    ctx.exposeFunction('codeAutomationExit', (code) => { exitCode = code; resolve(); });
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  if (process.env.VERBOSE) page.on('console', (m) => console.log('[page]', m.text()));
  page.on('pageerror', (e) => console.log(ts(), 'pageerror:', e.message));
  // Newer VS Code web builds only honour the payload's test paths with
  // developmentOptions.enableSmokeTestDriver; flip it in the configuration <meta> (harmless on 1.100).
  await ctx.addInitScript(() => {
    const patch = (el) => {
      if (!el || el.id !== 'vscode-workbench-web-configuration' || el.dataset.patched) return;
      const cfg = JSON.parse(el.getAttribute('data-settings'));
      cfg.developmentOptions = Object.assign({}, cfg.developmentOptions, { enableSmokeTestDriver: true });
      el.setAttribute('data-settings', JSON.stringify(cfg));
      el.dataset.patched = '1';
    };
    new MutationObserver((ms) => { for (const m of ms) for (const n of m.addedNodes) patch(n); })
      .observe(document, { childList: true, subtree: true });
  });
  console.log(ts(), 'open', url);
  await page.goto(url);
  const limit = +(process.env.TEST_TIMEOUT_MS || 300000);
  let timer;
  const timedOut = new Promise((r) => { timer = setTimeout(() => { console.log(ts(), `TIMEOUT after ${limit} ms`); r(); }, limit); });
  await Promise.race([done, timedOut]);
  clearTimeout(timer);
  console.log(ts(), 'extension tests finished, exit code', exitCode);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT }).catch(() => {});
} catch (e) {
  console.error(ts(), e);
  exitCode = 3;
} finally {
  if (ctx) await ctx.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
