#!/usr/bin/env node
/**
 * Bundles the two commands with esbuild, so that they start from one file
 * instead of resolving and loading a few hundred modules:
 *   dist/cli.cjs         `partnerlint` (cli/bundle-entry.ts); also the script of its worker threads
 *   dist/server-bin.cjs  `partnerlint-server`: exports VERSION and start(); the server
 *                        (server/main.ts) is evaluated only when start() is called; also
 *                        the script of the server's analysis thread
 * bin/partnerlint.js and bin/partnerlint-server.js load these when they are
 * newer than the last TypeScript build (out/), and out/ otherwise.
 *
 * usage: node scripts/bundle-bins.mjs [--outdir DIR] [--dev] [--quiet]
 *   --outdir DIR  write the bundles there instead of dist/
 *   --dev         with inline source maps
 *
 * Then, when there is a bin/ folder beside the output folder (as for dist/), runs
 * bin/partnerlint.js once on an example plan with PARTNERLINT_WRITE_CODE_CACHE=1, which
 * writes V8's code cache of the bundle (dist/cli.cjs.v8cache): the command then skips
 * compiling most of the bundle when it starts.
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outdirArg = argv.indexOf('--outdir');
const outdir = outdirArg >= 0 && argv[outdirArg + 1] ? resolve(argv[outdirArg + 1]) : join(root, 'dist');
const dev = argv.includes('--dev');
const quiet = argv.includes('--quiet');

/**
 * zod's classic and core APIs re-export every locale (`z.locales`), which is most of its size in a bundle;
 * nothing here reads `z.locales`, and zod registers English on its own. The bundles get English only.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  plugins: [zodEnglishOnly],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Whitespace and syntax only: stack traces of an internal error keep their names.
  minifyWhitespace: !dev,
  minifySyntax: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS has no import.meta: core/docs-url.ts finds the package root from the bundle's own
  // location (dist/ -> the package), and the CLI starts its worker threads on the bundle file.
  define: { 'import.meta.url': '__partnerlintImportMetaUrl' },
  banner: { js: 'var __partnerlintImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  metafile: true,
  absWorkingDir: root,
  write: false,
};

const targets = [
  { name: 'cli.cjs', options: { entryPoints: ['cli/bundle-entry.ts'] } },
  {
    name: 'server-bin.cjs',
    options: {
      stdin: {
        // The bundle is also the script of the server's analysis thread (server/bundle-entry.ts).
        contents: "export { VERSION } from './lib/index.ts';\nexport { start } from './server/bundle-entry.ts';\n",
        resolveDir: root,
        sourcefile: 'server-bin-entry.ts',
        loader: 'ts',
      },
    },
  },
];

async function bundle() {
  await mkdir(outdir, { recursive: true });
  await rm(join(outdir, 'cli.cjs.v8cache'), { force: true });
  const results = await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t.options, outfile: join(outdir, t.name) })));
  for (const [i, result] of results.entries()) {
    const file = join(outdir, targets[i].name);
    const [output] = result.outputFiles;
    // Written beside the target and renamed over it: a command starting meanwhile reads the old or the new bundle.
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, output.contents);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const { size } = await stat(file);
    if (!quiet) {
      const modules = Object.keys(result.metafile.inputs).length;
      console.log(`${relative(root, file).padEnd(22)} ${(size / 1024).toFixed(1).padStart(7)} KiB from ${modules} modules`);
    }
  }
  writeCodeCache();
}

function writeCodeCache() {
  const bin = join(outdir, '..', 'bin', 'partnerlint.js');
  const cache = join(outdir, 'cli.cjs.v8cache');
  if (!existsSync(bin)) return;
  const plan = join(root, 'examples', 'northwind-reseller-plan.md');
  const args = existsSync(plan) ? ['--report', '--no-color', plan] : ['--version'];
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, PARTNERLINT_WRITE_CODE_CACHE: '1', PARTNERLINT_NO_BUNDLE: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status === 2 || !existsSync(cache)) {
    // Not fatal: the command works without it, only starts a little slower.
    console.warn(`no code cache for ${relative(root, join(outdir, 'cli.cjs'))}: ${run.stderr.trim() || `exit ${run.status}`}`);
    return;
  }
  if (!quiet) console.log(`${relative(root, cache).padEnd(22)} ${(statSync(cache).size / 1024).toFixed(1).padStart(7)} KiB (V8 code cache)`);
}

try {
  await bundle();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
