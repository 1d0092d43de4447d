// One benchmark configuration in its own process (never mix parser
// configurations in one process: it slows micromark down 2-4x).
//
//   node bench/worker.mjs <task> <file> [<minWarm> <maxWarm> <budgetMs>]
//
// Forked by bench/run.mjs, it loads the task and then performs one run per
// 'run' message (the first is the cold call), so that run.mjs can interleave
// the runs of several configurations. Started by hand, it runs the task once
// cold, then warm runs until `maxWarm` are done, or the budget is spent and at
// least `minWarm` are done, and prints one JSON line. No gc() between samples
// (it makes later samples slower).
//
// Tasks:
//   lint           lib/index.js `lint(text)` (compiled: out/lib/index.js), as the CLI runs it
//   parse-whole    unified + remark-parse + remark-frontmatter(yaml) + GFM tables, the whole text at once
//   parse-pieces   the engine's own parse path (out/core/parse.js parsePieces: same stack, cut at headings)
//   remark-gfm     unified + remark-parse + remark-frontmatter(yaml) + full remark-gfm, whole text (reference)
//   markdownlint   markdownlint/sync `lint` with the default rules

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [task, file, minWarmArg, maxWarmArg, budgetArg] = process.argv.slice(2);
const minWarm = Number(minWarmArg ?? 5);
const maxWarm = Number(maxWarmArg ?? 9);
const budgetMs = Number(budgetArg ?? 30_000);

function vm(field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function load(name) {
  switch (name) {
    case 'lint': {
      const lib = await import(pathToFileURL(path.join(root, 'out/lib/index.js')).href);
      return (text) => {
        const r = lib.lint(text);
        return { isPlan: r.isPlan, detection: r.detection, findings: r.findings.length, skipped: r.skipped ?? null };
      };
    }
    case 'parse-whole':
    case 'remark-gfm': {
      const { unified } = await import('unified');
      const { default: remarkParse } = await import('remark-parse');
      const { default: remarkFrontmatter } = await import('remark-frontmatter');
      let processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
      if (name === 'remark-gfm') {
        const { default: remarkGfm } = await import('remark-gfm');
        processor = processor.use(remarkGfm);
      } else {
        // The engine's stack (core/parse.ts): only the GFM table extension.
        const { gfmTable } = await import('micromark-extension-gfm-table');
        const { gfmTableFromMarkdown } = await import('mdast-util-gfm-table');
        processor = processor.use(function remarkGfmTables() {
          const data = this.data();
          (data.micromarkExtensions ??= []).push(gfmTable());
          (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
        });
      }
      processor = processor.freeze();
      return (text) => ({ nodes: processor.parse(text).children.length });
    }
    case 'parse-pieces': {
      const parse = await import(pathToFileURL(path.join(root, 'out/core/parse.js')).href);
      if (typeof parse.parsePieces !== 'function') throw new Error('out/core/parse.js has no parsePieces');
      return (text) => ({ pieces: parse.parsePieces(text).length });
    }
    case 'markdownlint': {
      const { lint } = await import('markdownlint/sync');
      return (text) => {
        const results = lint({ strings: { doc: text } });
        return { findings: results.doc.length };
      };
    }
    default:
      throw new Error(`unknown task ${name}`);
  }
}

if (task === 'detect') {
  // Lints a sample of the given files (one path per line in <file>) and counts how many are taken as plans.
  const lib = await import(pathToFileURL(path.join(root, 'out/lib/index.js')).href);
  const files = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const notPlans = [];
  for (const f of files) {
    const r = lib.lint(fs.readFileSync(f, 'utf8'), { filePath: f });
    if (!r.isPlan) notPlans.push({ file: f, detection: r.detection });
  }
  process.stdout.write(JSON.stringify({ task, checked: files.length, plans: files.length - notPlans.length, notPlans }) + '\n');
  process.exit(0);
}

function once(run, text) {
  const c = process.cpuUsage();
  const s = performance.now();
  const info = run(text);
  const ms = performance.now() - s;
  const cu = process.cpuUsage(c);
  return { ms, cpuMs: (cu.user + cu.system) / 1000, info };
}

if (process.send) {
  // Served by bench/run.mjs over IPC, so that configurations in separate processes can take
  // turns run by run (they then see the same machine load). One run at a time, on request.
  let run;
  let text;
  process.on('message', async (msg) => {
    try {
      if (msg === 'load') {
        const t0 = performance.now();
        run = await load(task);
        text = fs.readFileSync(file, 'utf8');
        process.send({ importMs: performance.now() - t0, bytes: Buffer.byteLength(text) });
      } else if (msg === 'run') {
        process.send(once(run, text));
      } else if (msg === 'status') {
        process.send({ rssKb: vm('VmRSS'), hwmKb: vm('VmHWM') });
      } else if (msg === 'exit') {
        process.exit(0);
      }
    } catch (e) {
      process.send({ error: e instanceof Error ? e.message : String(e) });
    }
  });
} else {
  // Standalone: cold run, then warm runs; one JSON line on stdout.
  const out = { task, file: path.basename(file), bytes: 0, coldMs: null, warmMs: [], cpuWarmMs: [], coldCpuMs: null, info: null, rssKb: null, hwmKb: null };
  try {
    const t0 = performance.now();
    const run = await load(task);
    out.importMs = performance.now() - t0;
    const text = fs.readFileSync(file, 'utf8');
    out.bytes = Buffer.byteLength(text);
    const cold = once(run, text);
    out.coldMs = cold.ms;
    out.coldCpuMs = cold.cpuMs;
    out.info = cold.info;
    const start = performance.now();
    while (out.warmMs.length < maxWarm) {
      if (out.warmMs.length >= minWarm && performance.now() - start > budgetMs) break;
      const r = once(run, text);
      out.warmMs.push(r.ms);
      out.cpuWarmMs.push(r.cpuMs);
    }
    out.rssKb = vm('VmRSS');
    out.hwmKb = vm('VmHWM');
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
