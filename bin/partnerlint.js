#!/usr/bin/env node
// The `partnerlint` command. Runs the bundle dist/cli.cjs (scripts/bundle-bins.mjs: one file,
// so it starts faster) when it was built after the last TypeScript build, else out/cli/main.js.
// PARTNERLINT_NO_BUNDLE=1 always uses out/.
//
// The bundle is compiled with V8's code cache dist/cli.cjs.v8cache when there is one newer than
// the bundle (V8 itself refuses a cache made by another Node version). scripts/bundle-bins.mjs
// makes it by running this file once with PARTNERLINT_WRITE_CODE_CACHE=1.
//
// CommonJS (bin/package.json): starting from a CommonJS script skips setting up the ES module
// loader, a noticeable part of the start-up of a short run.
'use strict';
const { readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// Regular expressions are compiled straight to machine code instead of first to bytecode (with
// its optimisation pass) and again to machine code on their second use, and without V8's
// regular-expression optimisation until the command has much text to lint (cli/regexp-flags.ts):
// the rules' expressions are many and most run a handful of times in a short run, so compiling
// them was most of the first lint. Set before the bundle is loaded, so its code cache is made and
// read with the same flags.
setFlagsFromString('--no-regexp-tier-up --no-regexp-optimization');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
const CODE_CACHE = `${BUNDLE}.v8cache`;
const writeCodeCache = process.env.PARTNERLINT_WRITE_CODE_CACHE === '1';

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The bundle's build time, when it is newer than the TypeScript build of every project it holds. */
function freshBundle() {
  if (process.env.PARTNERLINT_NO_BUNDLE) return undefined;
  const built = mtime(BUNDLE);
  if (built === undefined) return undefined;
  for (const project of ['core', 'rules', 'lib', 'cli']) {
    const compiled = mtime(join(__dirname, '..', 'out', project, 'tsconfig.tsbuildinfo'));
    if (compiled !== undefined && compiled > built) return undefined;
  }
  return built;
}

/** Loads the bundle as CommonJS, compiled with the code cache when it has one. */
function loadBundle(built) {
  let cachedData;
  if (!writeCodeCache && (mtime(CODE_CACHE) ?? -Infinity) >= built) {
    try {
      cachedData = readFileSync(CODE_CACHE);
    } catch {
      cachedData = undefined;
    }
  }
  const source = readFileSync(BUNDLE, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { cli: module.exports, script };
}

async function main() {
  const built = freshBundle();
  if (built !== undefined) {
    const { cli, script } = loadBundle(built);
    await cli.run();
    if (writeCodeCache) {
      // After a run, so the cache also holds the functions that linting compiled.
      const temp = `${CODE_CACHE}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, CODE_CACHE);
      } catch (error) {
        rmSync(temp, { force: true });
        process.stderr.write(`partnerlint: cannot write ${CODE_CACHE}: ${error.message}\n`);
        process.exitCode = 2;
      }
    }
  } else {
    if (writeCodeCache) process.stderr.write('partnerlint: no up-to-date bundle in dist/; no code cache written\n');
    const { run } = await import(pathToFileURL(join(__dirname, '..', 'out', 'cli', 'main.js')).href);
    await run();
  }
}

main().catch((error) => {
  // As an uncaught error in a module would end the process.
  process.nextTick(() => {
    throw error;
  });
});
