/**
 * The `partnerlint` command: a thin adapter over the engine in lib/. It parses
 * arguments, finds and reads files, asks the engine for results and fixes,
 * writes fixed files, formats the output and picks the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyFixes,
  CONFIG_FILE_NAMES,
  lint,
  loadConfigFile,
  loadConfigForFile,
  VERSION,
  type LintOptions,
  type LintResult,
  type LoadedConfig,
} from '../lib/index.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { collectFiles, describeFsError, isInsideRoots } from './files.js';
import { countFindings, formatJson, formatSarif, formatStylish, type FileReport, type FormatContext } from './format.js';
import { decodeText, encodeText, writeFileAtomic } from './text-file.js';
import { starterConfigText, STARTER_CONFIG_NAME } from './init.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** More files than this (and a terminal on stderr) shows progress. */
const PROGRESS_THRESHOLD = 20;
/** Safe fixes can make room for others; stop after this many rounds. */
const MAX_FIX_PASSES = 5;

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

/** Entry point used by bin/partnerlint.js. */
export async function run(): Promise<void> {
  // `partnerlint | head` closes the pipe early: stop quietly instead of crashing.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw err;
  });
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
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
    this.io.stderr.write(`partnerlint: ${message}\n`);
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
      this.io.stderr.write(`${line}\n`);
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

async function lintCommand(options: CliOptions, run: Run): Promise<number> {
  const { cwd, env } = run.io;
  const configFor = configResolver(options, run);
  const reports: FileReport[] = [];
  let fixedFiles = 0;

  if (options.stdin) {
    const bytes = await readAll(run.io.stdin);
    const absolutePath = options.stdinFilename ? path.resolve(cwd, options.stdinFilename) : undefined;
    const displayPath = absolutePath ? displayPathFor(absolutePath, cwd) : '<stdin>';
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      run.notice(`${displayPath}: skipped: ${decoded.reason}`);
    } else {
      const lintOptions = lintOptionsFor(absolutePath ?? path.join(cwd, '<stdin>'), configFor, options);
      const result = lint(decoded.text, lintOptions);
      noteSkipped(result, displayPath, run);
      reports.push({ displayPath, absolutePath, result });
    }
  } else {
    const fileSet = collectFiles(options.paths.length > 0 ? options.paths : ['.'], cwd);
    for (const message of fileSet.errors) run.error(message);
    const progress = progressLine(run.io.stderr, fileSet.files.length);
    fileSet.files.forEach((absolutePath, i) => {
      const displayPath = displayPathFor(absolutePath, cwd);
      progress(i, displayPath);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(absolutePath);
      } catch (err) {
        run.error(`${displayPath}: ${describeFsError(err)}`);
        return;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        run.notice(`${displayPath}: skipped: ${decoded.reason}`);
        return;
      }
      const lintOptions = lintOptionsFor(absolutePath, configFor, options);
      let result = lint(decoded.text, lintOptions);
      if (options.fix) {
        const fixed = fixFile(absolutePath, displayPath, decoded.text, decoded.bom, result, lintOptions, fileSet.roots, run);
        if (fixed) {
          result = fixed;
          fixedFiles++;
        }
      }
      noteSkipped(result, displayPath, run);
      reports.push({ displayPath, absolutePath, result });
    });
    progress(fileSet.files.length, '');
  }

  const shown = options.quiet ? reports.map(errorsOnly) : reports;
  const ctx: FormatContext = {
    cwd,
    color: options.color ?? (run.io.stdout.isTTY === true && !env.NO_COLOR),
    report: options.report,
    fixed: options.fix,
  };
  const output =
    options.format === 'json' ? formatJson(shown) : options.format === 'sarif' ? formatSarif(shown, ctx) : formatStylish(shown, ctx);
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
  return run.failed ? EXIT_FAILURE : code;
}

/** The config for a document: the explicit --config file, else the nearest .partnerlintrc.* (cached per folder). */
function configResolver(options: CliOptions, run: Run): (file: string) => LoadedConfig {
  if (options.config !== undefined) {
    const loaded = loadConfigFile(path.resolve(run.io.cwd, options.config));
    run.configProblems(loaded);
    return () => loaded;
  }
  const byFolder = new Map<string, LoadedConfig>();
  return (file) => {
    const folder = path.dirname(file);
    let loaded = byFolder.get(folder);
    if (!loaded) {
      loaded = loadConfigForFile(file);
      byFolder.set(folder, loaded);
      run.configProblems(loaded);
    }
    return loaded;
  };
}

function lintOptionsFor(file: string, configFor: (file: string) => LoadedConfig, options: CliOptions): LintOptions {
  return { filePath: file, config: configFor(file).config, detect: options.detect };
}

/**
 * Applies safe fixes (repeating while they change the text), writes the file
 * atomically and returns the result of linting the fixed text; undefined when
 * nothing was written.
 */
function fixFile(
  absolutePath: string,
  displayPath: string,
  original: string,
  bom: boolean,
  firstResult: LintResult,
  lintOptions: LintOptions,
  roots: string[],
  run: Run,
): LintResult | undefined {
  let text = original;
  let result = firstResult;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (!result.findings.some((f) => f.fixes?.some((fix) => fix.safe))) break;
    const next = applyFixes(text, result.findings, { safeOnly: true }).text;
    if (next === text) break;
    text = next;
    result = lint(text, lintOptions);
  }
  if (text === original) return undefined;

  let target: string;
  try {
    target = fs.realpathSync(absolutePath);
  } catch (err) {
    run.error(`${displayPath}: not fixed: ${describeFsError(err)}`);
    return undefined;
  }
  if (target !== absolutePath && !isInsideRoots(target, roots)) {
    run.error(`${displayPath}: not fixed: it is a symbolic link to ${target}, outside the folders being linted`);
    return undefined;
  }
  try {
    writeFileAtomic(target, encodeText(text, bom));
  } catch (err) {
    run.error(`${displayPath}: not fixed: cannot write: ${describeFsError(err)}`);
    return undefined;
  }
  return result;
}

function errorsOnly(report: FileReport): FileReport {
  return { ...report, result: { ...report.result, findings: report.result.findings.filter((f) => f.severity === 'error') } };
}

function noteSkipped(result: LintResult, displayPath: string, run: Run): void {
  if (result.skipped) run.notice(`${displayPath}: skipped: ${result.skipped}`);
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
    const line = `Linting ${done + 1}/${total} ${current}`;
    stderr.write('\r\u001b[K' + (line.length > width ? line.slice(0, width - 1) + '\u2026' : line));
  };
}
