#!/usr/bin/env node
// Compiles the editor tests (CommonJS, as VS Code's test runner loads them) into out/test-editor.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const out = join(root, 'out', 'test-editor');
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'test', 'editor', 'tsconfig.json')], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync(out, { recursive: true });
// The package is "type": "module"; these compiled files are CommonJS.
writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
