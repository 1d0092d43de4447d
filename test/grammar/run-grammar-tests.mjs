#!/usr/bin/env node
// Runs the TextMate grammar cases with vscode-tmgrammar-test against the real markdown
// and YAML grammars (from the tm-grammars package) plus the injection grammars the
// extension contributes in package.json.
//
// usage: node test/grammar/run-grammar-tests.mjs [case globs...]   (default: test/grammar/cases/*.md)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const tool = require.resolve('vscode-tmgrammar-test/dist/unit.js');
const grammarDir = dirname(require.resolve('tm-grammars/grammars/markdown.json'));
const cases = process.argv.slice(2);
const args = [
  tool,
  '--compact',
  '--config', join(root, 'package.json'),
  '-g', relative(root, join(grammarDir, 'markdown.json')),
  '-g', relative(root, join(grammarDir, 'yaml.json')),
  ...(cases.length > 0 ? cases : ['test/grammar/cases/*.md']),
];
const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
let pending = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  // The markdown grammar embeds ~60 languages for fenced code; they are not needed here.
  for (const line of lines) if (!/^grammar not found for "/.test(line)) process.stderr.write(line + '\n');
});
child.on('close', (code, signal) => {
  if (pending && !/^grammar not found for "/.test(pending)) process.stderr.write(pending + '\n');
  process.exit(signal ? 1 : code === 0 ? 0 : 1);
});
