#!/usr/bin/env node
/**
 * Bundles the VS Code extension with esbuild:
 *   dist/extension.cjs  the extension (client/extension.ts), `vscode` left external
 *   dist/server.cjs     the language server (server/main.ts) with every dependency; also
 *                       the script of its analysis thread
 *   dist/templates.json the templates rendered by the engine, so the extension can
 *                       offer them without loading the engine in the extension host
 *
 * usage: node scripts/bundle.mjs [--dev] [--quiet]
 *   --dev    unminified, with inline source maps
 */
import * as esbuild from 'esbuild';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const dev = process.argv.includes('--dev');
const quiet = process.argv.includes('--quiet');
const log = (...args) => {
  if (!quiet) console.log(...args);
};

// VS Code 1.82 runs extensions and their servers on Node 18.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  // `import.meta.url` (used to find docs/rules next to the bundle) has no CJS equivalent of its own.
  define: { 'import.meta.url': '__partnerlintImportMetaUrl' },
  banner: { js: 'const __partnerlintImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  metafile: true,
  absWorkingDir: root,
};

async function bundle() {
  // Only this script's own outputs: dist/ also holds the command-line bundles (scripts/bundle-bins.mjs).
  for (const f of ['extension.cjs', 'extension.cjs.map', 'server.cjs', 'server.cjs.map', 'templates.json']) await rm(join(dist, f), { force: true });
  await mkdir(dist, { recursive: true });
  const [extension, server] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['client/extension.ts'],
      outfile: 'dist/extension.cjs',
      external: ['vscode'],
    }),
    esbuild.build({
      ...common,
      // The bundle is also the script of the server's analysis thread (server/bundle-entry.ts).
      stdin: {
        contents: "import { isAnalysisWorker, start } from './server/bundle-entry.ts';\nif (!isAnalysisWorker()) void start();\n",
        resolveDir: root,
        sourcefile: 'server-entry.ts',
        loader: 'ts',
      },
      outfile: 'dist/server.cjs',
    }),
  ]);
  const templates = await renderTemplates();
  await writeFile(join(dist, 'templates.json'), JSON.stringify(templates) + '\n');

  // The extension must not carry the analysis engine.
  const engineInClient = Object.keys(extension.metafile.inputs).filter((f) => /^(core|rules|lib)\//.test(f));
  if (engineInClient.length > 0) {
    throw new Error(`dist/extension.cjs must not include the engine, but it bundles: ${engineInClient.join(', ')}`);
  }
  for (const [file, meta] of [['dist/extension.cjs', extension], ['dist/server.cjs', server], ['dist/templates.json']]) {
    const { size } = await stat(join(root, file));
    const inputs = meta ? ` from ${Object.keys(meta.metafile.inputs).length} modules` : '';
    log(`${file.padEnd(20)} ${(size / 1024).toFixed(1).padStart(7)} KiB${inputs}`);
  }
}

/**
 * Renders every template at every heading level, in both formats, through the
 * public engine API (lib/index.ts), bundled on the fly so that it does not
 * depend on a previous `tsc -b`.
 */
async function renderTemplates() {
  const result = await esbuild.build({
    stdin: {
      contents: "export { templates, renderTemplate, VERSION } from './lib/index.ts';",
      resolveDir: root,
      sourcefile: 'templates-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
    // The engine's CommonJS dependencies need `require` inside an ES module.
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  });
  const file = join(tmpdir(), `partnerlint-templates-${process.pid}-${Date.now()}.mjs`);
  await writeFile(file, result.outputFiles[0].contents);
  try {
    const { templates, renderTemplate, VERSION } = await import(pathToFileURL(file).href);
    const headingLevels = [1, 2, 3, 4, 5, 6];
    return {
      version: VERSION,
      headingLevels,
      templates: templates.map((info) => ({
        ...info,
        rendered: Object.fromEntries(
          ['snippet', 'text'].map((format) => [
            format,
            Object.fromEntries(headingLevels.map((level) => [String(level), renderTemplate(info.id, { format, headingLevel: level })])),
          ]),
        ),
      })),
    };
  } finally {
    await rm(file, { force: true });
  }
}

try {
  await bundle();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

