/**
 * The `partnerlint` command: a thin adapter over the engine in lib/. It parses
 * arguments, finds and reads files, asks the engine for results and fixes,
 * writes fixed files, formats the output and picks the exit code.
 */
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  lint,
  loadConfigFile,
  loadConfigForFile,
  VERSION,
  type LintResult,
  type LoadedConfig,
  type ResolvedConfig,
} from '../lib/index.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { cacheKey, cacheKeyFolder, contentHash, ResultCache, resolveCacheLocation, settingsHash } from './cache.js';
import { collectFiles, describeFsError, type FileSet } from './files.js';
import { countFindings, formatHtml, formatJson, formatSarif, formatStylish, plansBelowReadiness, type FileReport, type FormatContext } from './format.js';
import { hasSafeFix, notAnalysedOutcome, runJob, slimResult, type JobOutcome, type JobSettings, type LintJob } from './lint-job.js';
import { LinkedFiles } from './links.js';
import { WORKER_HEAP_MB, WorkerPool } from './pool.js';
import { beforeLinting, optimiseRegExps } from './regexp-flags.js';
import { decodeText } from './text-file.js';
import { starterConfigText, STARTER_CONFIG_NAME } from './init.js';
import { terminalText, terminalWidth, useColor } from './terminal.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** More files than this (and a terminal on stderr) shows progress. */
const PROGRESS_THRESHOLD = 20;

export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadableStream;
}

/** Runs the command and returns its exit code. */
export async function main(argv: string[], io: CliEnvironment = processEnvironment()): Promise<number> {
  const run = new Run(io);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      run.error(`${err.message}\nRun 'partnerlint --help' for usage.`);
      return EXIT_FAILURE;
    }
    throw err;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (options.init) return init(run);
  return lintCommand(options, run);
}

/** An error writing standard output (a closed pipe, a full disk). */
function isOutputError(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | null;
  return !!e && e.syscall === 'write' && typeof e.code === 'string' && ['EPIPE', 'ENOSPC', 'EIO', 'EBADF', 'EDQUOT', 'EFBIG'].includes(e.code);
}

function outputFailed(err: NodeJS.ErrnoException): never {
  const why = err.code === 'EPIPE' ? 'the program reading it closed it' : err.code === 'ENOSPC' || err.code === 'EDQUOT' ? 'no space is left on the device' : `${err.code}`;
  try {
    process.stderr.write(`partnerlint: cannot write the output: ${why}\n`);
  } catch {
    // stderr is gone too: the exit code says it.
  }
  process.exit(EXIT_FAILURE);
}

/** Entry point used by bin/partnerlint.js. */
export async function run(): Promise<void> {
  // The output cannot be written (`partnerlint | head` closed the pipe, a full disk): one line, exit 2.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => outputFailed(err));
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    if (isOutputError(err)) outputFailed(err as NodeJS.ErrnoException);
    process.stderr.write(`partnerlint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}

function processEnvironment(): CliEnvironment {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}

/** State of one invocation: where messages go and whether something failed (exit code 2). */
class Run {
  failed = false;
  private readonly reportedConfigProblems = new Set<string>();
  constructor(readonly io: CliEnvironment) {}

  /** A message on stderr that does not change the exit code. */
  notice(message: string): void {
    this.io.stderr.write(`partnerlint: ${terminalText(message, { keepNewlines: true })}\n`);
  }
  /** A usage, configuration or file problem: reported, and the exit code becomes 2. */
  error(message: string): void {
    this.failed = true;
    this.notice(message);
  }
  /** Config problems as `file: keyPath: message`, each once. */
  configProblems(loaded: LoadedConfig): void {
    for (const p of loaded.problems) {
      const file = displayPathFor(path.resolve(this.io.cwd, p.file), this.io.cwd);
      const line = p.keyPath ? `${file}: ${p.keyPath}: ${p.message}` : `${file}: ${p.message}`;
      if (this.reportedConfigProblems.has(line)) continue;
      this.reportedConfigProblems.add(line);
      this.failed = true;
      this.io.stderr.write(`${terminalText(line, { keepNewlines: true })}\n`);
    }
  }
}

// ---------------------------------------------------------------- --init

function init(run: Run): number {
  const cwd = run.io.cwd;
  const existing = CONFIG_FILE_NAMES.find((name) => fs.existsSync(path.join(cwd, name)));
  if (existing) {
    run.error(`${existing} already exists in ${cwd}; not overwriting it`);
    return EXIT_FAILURE;
  }
  const target = path.join(cwd, STARTER_CONFIG_NAME);
  try {
    fs.writeFileSync(target, starterConfigText(), { flag: 'wx' });
  } catch (err) {
    run.error(`cannot write ${target}: ${describeFsError(err)}`);
    return EXIT_FAILURE;
  }
  run.io.stdout.write(`Wrote ${STARTER_CONFIG_NAME}. Edit it to set rule severities and options.\n`);
  return EXIT_OK;
}

// ---------------------------------------------------------------- linting

/** With fewer files than this to lint, everything stays in the main thread: starting workers would cost more than it saves. */
const PARALLEL_MIN_FILES = 16;
/** Never more worker threads than this, nor more than one per this many files. */
const MAX_WORKERS = 16;
const MIN_FILES_PER_WORKER = 8;
/**
 * Files of at least this many bytes are linted in a worker thread even in a small run, where
 * the --timeout budget and the heap limit hold; smaller ones stay in the main thread (a thread
 * costs tens of milliseconds to start), unless --timeout is given.
 */
const ISOLATE_BYTES = 1024 * 1024;

/** The script the worker threads run: out/cli/worker.js, or the bundle itself (see bundle-entry.ts). */
let workerScript: string | URL = new URL('./worker.js', import.meta.url);

export function setWorkerScript(script: string | URL): void {
  workerScript = script;
}

/** What a run did, for --debug. */
interface RunStats {
  files: number;
  fromCache: number;
  lintedInMainThread: number;
  lintedInWorkers: number;
  workers: number;
}

async function lintCommand(options: CliOptions, run: Run): Promise<number> {
  const { cwd, env } = run.io;
  const configs = new ConfigTable(options, run);
  let reports: FileReport[] = [];
  let fixedFiles = 0;
  const stats: RunStats = { files: 0, fromCache: 0, lintedInMainThread: 0, lintedInWorkers: 0, workers: 0 };
  let cache: ResultCache | undefined;

  if (options.stdin) {
    const bytes = await readAll(run.io.stdin);
    const absolutePath = options.stdinFilename ? path.resolve(cwd, options.stdinFilename) : undefined;
    const displayPath = absolutePath ? displayPathFor(absolutePath, cwd) : '<stdin>';
    const decoded = decodeText(bytes);
    stats.files = 1;
    if (!decoded.ok) {
      run.notice(`${displayPath}: skipped: ${decoded.reason}`);
    } else {
      const filePath = absolutePath ?? path.join(cwd, '<stdin>');
      const { loaded, first } = configs.forFile(filePath);
      if (first) run.configProblems(loaded);
      const linked = absolutePath ? new Map(new LinkedFiles([], cwd).forDocument(absolutePath, decoded.text).linked) : undefined;
      beforeLinting(decoded.text.length);
      const result = lint(decoded.text, {
        filePath,
        config: loaded.config,
        detect: options.detect,
        ...(linked?.size ? { linked: (href: string) => linked.get(href) } : {}),
      });
      stats.lintedInMainThread++;
      noteSkipped(result, displayPath, run);
      reports.push({ displayPath, absolutePath, result });
    }
  } else {
    const fileSet = collectFiles(options.paths.length > 0 ? options.paths : ['.'], cwd, {
      configFile: options.config !== undefined ? path.resolve(cwd, options.config) : undefined,
    });
    for (const message of fileSet.errors) run.error(message);
    for (const message of fileSet.notices) run.notice(message);
    if (options.cache) {
      cache = ResultCache.load(resolveCacheLocation(cwd, options.cacheLocation), VERSION, (message) => run.notice(message), cacheKeyFolder(env));
    }
    const linted = await lintFiles(fileSet, options, run, configs, cache, stats);
    reports = linted.reports;
    fixedFiles = linted.fixedFiles;
    cache?.save((message) => run.notice(message));
  }

  const shown = options.quiet ? reports.map(errorsOnly) : reports;
  const ctx: FormatContext = {
    cwd,
    color: useColor(options.color, env, run.io.stdout),
    width: terminalWidth(env, run.io.stdout),
    quiet: options.quiet,
    report: options.report,
    fixed: options.fix,
  };
  const formatters: Record<CliOptions['format'], () => string> = {
    stylish: () => formatStylish(shown, ctx),
    json: () => formatJson(shown),
    sarif: () => formatSarif(shown, ctx),
    html: () => formatHtml(shown),
  };
  const output = formatters[options.format]();
  if (output) run.io.stdout.write(output);
  if (options.fix && fixedFiles > 0) {
    run.io.stderr.write(`Fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.\n`);
  }

  const counts = countFindings(shown);
  let code = counts.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    run.io.stderr.write(
      `partnerlint found too many warnings: ${counts.warnings} (maximum: ${options.maxWarnings}).\n`,
    );
    code = EXIT_PROBLEMS;
  }
  if (options.minReadiness !== undefined) {
    const below = plansBelowReadiness(reports, options.minReadiness);
    for (const { displayPath, score } of below) {
      run.io.stderr.write(`partnerlint: ${terminalText(displayPath)}: readiness ${score}/100 is below --min-readiness ${options.minReadiness}.\n`);
    }
    if (below.length > 0) code = EXIT_PROBLEMS;
  }
  if (options.debug) {
    const linted = stats.lintedInMainThread + stats.lintedInWorkers;
    run.notice(
      `debug: ${plural(stats.files, 'file')}: ${stats.fromCache} from the cache, ${linted} linted ` +
        `(${stats.lintedInMainThread} in the main thread, ${stats.lintedInWorkers} in ${plural(stats.workers, 'worker thread')})`,
    );
    if (cache) {
      run.notice(`debug: cache ${cache.file}: ${plural(cache.loadedEntries, 'entry', 'entries')} read, ${cache.hits} used, ${cache.misses} missed`);
    }
  }
  return run.failed ? EXIT_FAILURE : code;
}

/** A message held back until the file's turn comes, so that stderr reads in file order. */
type Note = { kind: 'error' | 'notice'; text: string } | { kind: 'config'; loaded: LoadedConfig };

/** One file of the list, from reading it until it is reported. */
interface Slot {
  displayPath: string;
  absolutePath: string;
  notes: Note[];
  done: boolean;
  /** Undefined when the file could not be read or decoded. */
  result?: LintResult;
  fixed: boolean;
  fixErrors: string[];
  /** The cache key's first part (engine version, --detect, config) and the full key of the text read. */
  settingsKey?: string;
  cacheKey?: string;
  /** The part of the cache key for the linked documents (see links.ts). */
  linkKey?: string;
}

/**
 * Reads, lints (and fixes) the files, in the main thread or, for many files,
 * in worker threads; reports them in the order of the list either way. Files
 * are read as they are handed out, a few chunks ahead of the workers.
 */
async function lintFiles(
  fileSet: FileSet,
  options: CliOptions,
  run: Run,
  configs: ConfigTable,
  cache: ResultCache | undefined,
  stats: RunStats,
): Promise<{ reports: FileReport[]; fixedFiles: number }> {
  const { cwd } = run.io;
  const files = fileSet.files;
  stats.files = files.length;
  const reports: FileReport[] = [];
  let fixedFiles = 0;
  const settings: JobSettings = { detect: options.detect, fix: options.fix, roots: fileSet.roots };
  // Linked pages are read once per run, and only inside the folders being linted or the working directory.
  const linkedFiles = new LinkedFiles(fileSet.roots, cwd);
  const progress = progressLine(run.io.stderr, files.length);

  const slots: Array<Slot | undefined> = new Array(files.length);
  let nextToReport = 0;
  const reportReady = (): void => {
    while (nextToReport < files.length) {
      const slot = slots[nextToReport];
      if (!slot?.done) return;
      slots[nextToReport] = undefined;
      progress(nextToReport, slot.displayPath);
      for (const note of slot.notes) {
        if (note.kind === 'config') run.configProblems(note.loaded);
        else if (note.kind === 'error') run.error(note.text);
        else run.notice(note.text);
      }
      if (slot.result) {
        if (slot.fixed) fixedFiles++;
        for (const message of slot.fixErrors) run.error(message);
        noteSkipped(slot.result, slot.displayPath, run);
        reports.push({ displayPath: slot.displayPath, absolutePath: slot.absolutePath, result: slot.result });
      }
      nextToReport++;
    }
  };

  const complete = (outcome: JobOutcome): void => {
    const slot = slots[outcome.index]!;
    slot.result = outcome.result;
    slot.fixed = outcome.fixed;
    slot.fixErrors = outcome.errors;
    slot.done = true;
    if (cache && slot.settingsKey && slot.cacheKey && !outcome.limited) {
      const key = outcome.writtenHash ? cacheKey(slot.settingsKey, outcome.writtenHash, slot.linkKey) : slot.cacheKey;
      cache.set(slot.absolutePath, key, slimResult(outcome.result));
    }
  };

  /** Reads file `index` and resolves its config; returns the job when it has to be linted. */
  const prepare = (index: number): LintJob | undefined => {
    const absolutePath = files[index];
    const displayPath = displayPathFor(absolutePath, cwd);
    const slot: Slot = { displayPath, absolutePath, notes: [], done: false, fixed: false, fixErrors: [] };
    slots[index] = slot;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(absolutePath);
    } catch (err) {
      slot.notes.push({ kind: 'error', text: `${displayPath}: ${describeFsError(err)}` });
      slot.done = true;
      cache?.delete(absolutePath);
      return undefined;
    }
    const { loaded, first } = configs.forFile(absolutePath);
    if (first) slot.notes.push({ kind: 'config', loaded });
    const configId = configs.idOf(loaded);
    const limits = limitsFor(loaded);
    if (limits.maxFileSize !== undefined && bytes.length > limits.maxFileSize.value) {
      const reason = `it is ${bytes.length} bytes, over the ${limits.maxFileSize.value} bytes limit (${limits.maxFileSize.source})`;
      complete(notAnalysedOutcome({ index, absolutePath, displayPath, text: '', bom: false, configId }, reason));
      cache?.delete(absolutePath);
      return undefined;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      slot.notes.push({ kind: 'notice', text: `${displayPath}: skipped: ${decoded.reason}` });
      slot.done = true;
      cache?.delete(absolutePath);
      return undefined;
    }
    const links = linkedFiles.forDocument(absolutePath, decoded.text);
    if (cache) {
      slot.settingsKey = configs.settingsKeyOf(configId);
      slot.linkKey = links.key;
      slot.cacheKey = cacheKey(slot.settingsKey, contentHash(bytes), links.key);
      const cached = cache.get(absolutePath, slot.cacheKey, decoded.text, (why) =>
        slot.notes.push({ kind: 'notice', text: `${displayPath}: the cached result is not used (${why}); the file is linted again` }),
      );
      if (cached && !(options.fix && hasSafeFix(cached))) {
        slot.result = cached;
        slot.done = true;
        stats.fromCache++;
        return undefined;
      }
    }
    return {
      index,
      absolutePath,
      displayPath,
      text: decoded.text,
      bom: decoded.bom,
      configId,
      ...(links.linked.length ? { linked: links.linked } : {}),
      timeoutMs: limits.timeout.value * 1000,
      timeoutLabel: `${limits.timeout.value} s (${limits.timeout.source})`,
      ...(limits.timeout.set ? { isolate: true } : {}),
    };
  };

  /**
   * The limits of a file's analysis: a flag on the command line, else its config file's `limits`,
   * else the defaults; `source` names where the value came from, for the not-analysed message.
   */
  const limitsFor = (loaded: LoadedConfig) => {
    const fromConfig = loaded.config.limits;
    const configName = loaded.file ? `limits.%s in ${path.basename(loaded.file)}` : '';
    const timeout =
      options.timeoutGiven || fromConfig.timeout === undefined
        ? { value: options.timeout, source: '--timeout', set: options.timeoutGiven }
        : { value: fromConfig.timeout, source: configName.replace('%s', 'timeout'), set: true };
    const maxFileSize =
      options.maxFileSize !== undefined
        ? { value: options.maxFileSize, source: '--max-file-size' }
        : fromConfig.maxFileSize !== undefined
          ? { value: fromConfig.maxFileSize, source: configName.replace('%s', 'maxFileSize') }
          : undefined;
    return { timeout, maxFileSize };
  };

  const lintHere = (jobs: LintJob[]): JobOutcome[] => {
    stats.lintedInMainThread += jobs.length;
    for (const job of jobs) beforeLinting(job.text.length);
    return jobs.map((job) => runJob(job, configs.byId(job.configId), settings));
  };

  const poolSize = Math.min(workerLimit(run), Math.ceil(files.length / MIN_FILES_PER_WORKER));
  // Each worker gets about eight chunks: small enough to share the work evenly, large enough to cost little.
  const chunkSize = Math.max(1, Math.min(32, Math.ceil(files.length / (poolSize * 8))));
  // 'undecided': enough files for workers to pay off, unless the cache holds most of them.
  let mode: 'main' | 'undecided' | 'workers' = poolSize >= 2 && files.length >= PARALLEL_MIN_FILES ? 'undecided' : 'main';
  let pool: WorkerPool | undefined;
  const startPool = (size: number): WorkerPool => {
    // Workers live long enough for V8's regular-expression optimisation to pay off.
    optimiseRegExps();
    return (pool ??= new WorkerPool({
      script: workerScript,
      size,
      settings,
      config: (id) => configs.byId(id),
      fallback: lintHere,
      onWorkerError: (message) => {
        if (options.debug) run.notice(`debug: a worker thread failed (${message}); its files are linted in the main thread`);
      },
      heapMb: testHeapMb(run) ?? WORKER_HEAP_MB,
    }));
  };
  /** Outside a pool run: large files (and all with --timeout) go to a worker, where the limits hold. */
  const lintSmallRun = (jobs: LintJob[]): void => {
    for (const job of jobs) {
      if (job.isolate || Buffer.byteLength(job.text) >= ISOLATE_BYTES) {
        startPool(Math.max(1, Math.min(workerLimit(run), 2)));
        submit([job]);
      } else {
        lintHere([job]).forEach(complete);
      }
    }
  };
  const pending: LintJob[] = [];
  const chunks: Array<Promise<void>> = [];
  const submit = (jobs: LintJob[]): void => {
    const done = pool!.submit(jobs).then((outcomes) => {
      if (outcomes.length !== jobs.length) throw new Error('a worker thread returned an incomplete chunk');
      outcomes.forEach(complete);
      reportReady();
    });
    done.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    chunks.push(done);
  };

  try {
    for (let index = 0; index < files.length; index++) {
      const job = prepare(index);
      if (job) {
        if (mode === 'main') {
          lintSmallRun([job]);
        } else {
          pending.push(job);
          if (mode === 'undecided' && pending.length >= PARALLEL_MIN_FILES) {
            mode = 'workers';
            startPool(poolSize);
          }
          if (mode === 'workers' && pending.length >= chunkSize) {
            while (pending.length >= chunkSize) submit(pending.splice(0, chunkSize));
            await pool!.below(pool!.size * 2);
          }
        }
      }
      reportReady();
    }
    if (pending.length > 0) {
      if (mode === 'workers') while (pending.length > 0) submit(pending.splice(0, chunkSize));
      else lintSmallRun(pending.splice(0));
    }
    await Promise.all(chunks);
    reportReady();
  } finally {
    if (pool) {
      stats.workers = pool.started;
      stats.lintedInWorkers = pool.filesByWorkers;
      await pool.close();
    }
  }
  progress(files.length, '');
  return { reports, fixedFiles };
}

/**
 * Test hook, never set in use: PARTNERLINT_TEST_WORKER_HEAP_MB=n gives the worker threads an
 * n MB heap instead of WORKER_HEAP_MB, so that a test can run out of it with a small document.
 */
function testHeapMb(run: Run): number | undefined {
  const value = Number(run.io.env.PARTNERLINT_TEST_WORKER_HEAP_MB);
  return value > 0 ? value : undefined;
}

/** How many worker threads at most: PARTNERLINT_WORKERS when set (1: none), else one per core. */
function workerLimit(run: Run): number {
  const setting = run.io.env.PARTNERLINT_WORKERS;
  if (setting !== undefined && setting.trim() !== '') {
    if (/^\d+$/.test(setting.trim()) && Number(setting) >= 1) return Math.min(Number(setting), MAX_WORKERS);
    run.notice(`PARTNERLINT_WORKERS must be a whole number of 1 or more (got '${setting}'); ignoring it`);
  }
  return Math.min(availableParallelism(), MAX_WORKERS);
}

/**
 * The config of each document: the explicit --config file, else the nearest
 * .partnerlintrc.* (loaded once per folder). Configs get small ids (equal
 * configs share one) so worker threads receive each config once.
 */
class ConfigTable {
  private readonly explicit?: LoadedConfig;
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly ids = new Map<LoadedConfig, number>();
  private readonly idsByJson = new Map<string, number>();
  private readonly configs: ResolvedConfig[] = [];
  private readonly jsons: string[] = [];
  private readonly settingsKeys: string[] = [];

  constructor(
    private readonly options: CliOptions,
    run: Run,
  ) {
    if (options.config !== undefined) {
      this.explicit = loadConfigFile(path.resolve(run.io.cwd, options.config));
      run.configProblems(this.explicit);
    }
  }

  /** The config for a document; `first` when it was loaded just now (its problems are then reported). */
  forFile(file: string): { loaded: LoadedConfig; first: boolean } {
    if (this.explicit) return { loaded: this.explicit, first: false };
    const folder = path.dirname(file);
    const known = this.byFolder.get(folder);
    if (known) return { loaded: known, first: false };
    const loaded = loadConfigForFile(file);
    this.byFolder.set(folder, loaded);
    return { loaded, first: true };
  }

  idOf(loaded: LoadedConfig): number {
    let id = this.ids.get(loaded);
    if (id !== undefined) return id;
    const json = JSON.stringify(loaded.config);
    id = this.idsByJson.get(json);
    if (id === undefined) {
      id = this.configs.length;
      this.configs.push(loaded.config);
      this.jsons.push(json);
      this.idsByJson.set(json, id);
    }
    this.ids.set(loaded, id);
    return id;
  }

  byId(id: number): ResolvedConfig {
    return this.configs[id];
  }

  /** The cache key's part for this config: engine version, --detect and the config's JSON. */
  settingsKeyOf(id: number): string {
    return (this.settingsKeys[id] ??= settingsHash(VERSION, this.options.detect, this.jsons[id]));
  }
}

function errorsOnly(report: FileReport): FileReport {
  return { ...report, result: { ...report.result, findings: report.result.findings.filter((f) => f.severity === 'error') } };
}

function noteSkipped(result: LintResult, displayPath: string, run: Run): void {
  if (result.skipped) run.notice(`${displayPath}: skipped: ${result.skipped}`);
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function displayPathFor(absolutePath: string, cwd: string): string {
  const rel = path.relative(cwd, absolutePath);
  return rel && !rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel) ? rel : absolutePath;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** A one-line progress indicator on stderr, only for many files and a terminal. */
function progressLine(stderr: NodeJS.WriteStream, total: number): (done: number, current: string) => void {
  if (total <= PROGRESS_THRESHOLD || !stderr.isTTY) return () => {};
  const width = Math.max(20, (stderr.columns || 80) - 1);
  return (done, current) => {
    if (done >= total) {
      stderr.write('\r\u001b[K');
      return;
    }
    const line = `Linting ${done + 1}/${total} ${terminalText(current)}`;
    stderr.write('\r\u001b[K' + (line.length > width ? line.slice(0, width - 1) + '\u2026' : line));
  };
}
