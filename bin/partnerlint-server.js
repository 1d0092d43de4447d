#!/usr/bin/env node
// Partnerlint language server. Usage: partnerlint-server [--stdio | --node-ipc | --socket=PORT]
// Runs the bundle dist/server-bin.cjs (scripts/bundle-bins.mjs; one file, so it starts faster)
// when it was built after the last TypeScript build, else out/server/main.js.
// PARTNERLINT_NO_BUNDLE=1 always uses out/.
// CommonJS, like bin/partnerlint.js (bin/package.json).
'use strict';
const { statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

function freshBundle(name, projects) {
  if (process.env.PARTNERLINT_NO_BUNDLE) return null;
  const file = join(__dirname, '..', 'dist', name);
  let built;
  try {
    built = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  for (const project of projects) {
    const info = join(__dirname, '..', 'out', project, 'tsconfig.tsbuildinfo');
    let compiled;
    try {
      compiled = statSync(info).mtimeMs;
    } catch {
      continue;
    }
    if (compiled > built) return null;
  }
  return file;
}

const out = (file) => import(pathToFileURL(join(__dirname, '..', 'out', file)).href);

async function main() {
  const bundlePath = freshBundle('server-bin.cjs', ['core', 'rules', 'lib', 'server']);
  const bundle = bundlePath ? require(bundlePath) : null;
  const args = process.argv.slice(2);
  if (args.includes('--version') || args.includes('-v')) {
    const { VERSION } = bundle ?? (await out('lib/index.js'));
    process.stdout.write(`${VERSION}\n`);
  } else if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      'Usage: partnerlint-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n' +
        'Starts the Partnerlint language server (stdio by default). Editors start it for you;\n' +
        'see the README for VS Code, Neovim and Helix.\n',
    );
  } else if (bundle) {
    await bundle.start();
  } else {
    await out('server/main.js');
  }
}

main().catch((error) => {
  // As an uncaught error in a module would end the process.
  process.nextTick(() => {
    throw error;
  });
});
