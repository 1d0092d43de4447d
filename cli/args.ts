/** Command-line arguments: parsing with node:util parseArgs, validation and the help text. */
import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from '../lib/limits.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const DETECT_MODES = ['auto', 'frontmatter', 'always'] as const;
export type DetectMode = (typeof DETECT_MODES)[number];

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  config?: string;
  maxWarnings?: number;
  /** Exit 1 when a plan (kind `plan`) scores below this (0-100). */
  minReadiness?: number;
  detect?: DetectMode;
  report: boolean;
  init: boolean;
  stdin: boolean;
  stdinFilename?: string;
  quiet: boolean;
  version: boolean;
  help: boolean;
  /** true / false when forced by --color / --no-color; undefined: decide from the terminal. */
  color?: boolean;
  cache: boolean;
  /** Where --cache keeps its file (a file, or a folder to hold .partnerlintcache). */
  cacheLocation?: string;
  /** Print file, cache and worker counts on stderr. */
  debug: boolean;
  /** Seconds one file's analysis may take (--timeout); past it the file is reported as not analysed. */
  timeout: number;
  /** --timeout was given: every file is then linted in a worker thread, where the budget holds. */
  timeoutGiven: boolean;
  /** Files larger than this many bytes are reported as not analysed (--max-file-size; editor setting `partnerlint.maxFileSize`). */
  maxFileSize?: number;
}


/** A mistake in how the command was called: exit code 2 with this message. */
export class UsageError extends Error {}

export const HELP = `Usage: partnerlint [options] [file|dir|glob ...]

Lints partner / channel program plans written in markdown. Directories are
searched for markdown files (*.md, *.markdown), skipping node_modules, .git
and what .gitignore, .partnerlintignore and the config's "ignores" leave out;
files named explicitly are linted anyway. With no paths, the current directory
is linted. Documents that are not partner-program plans produce no findings.

Options:
  -f, --format <name>        Output format: stylish (default), json, sarif, or html
                             (a readiness report page for each plan, with the
                             findings, to open in a browser or share)
      --fix                  Apply safe fixes to the files, then report what remains
  -c, --config <file>        Use this config file instead of the nearest .partnerlintrc.*
      --detect <mode>        Which documents are plans: auto (default), frontmatter or always
      --max-warnings <n>     Exit with code 1 when there are more than n warnings
      --min-readiness <n>    Exit with code 1 when a plan's readiness score is below n
                             (0-100); guides and policy pages are not scored
  -q, --quiet                Report errors only
      --report               Print the readiness report of each plan (stylish format)
      --stdin                Lint text read from standard input
      --stdin-filename <p>   Path to use for standard input (config lookup and output)
      --init                 Write a starter .partnerlintrc.json in the current directory
      --color, --no-color    Force coloured output on or off (default: on when output
                             is a terminal or FORCE_COLOR is set, and NO_COLOR is not)
      --cache                Remember results of unchanged files between runs
      --cache-location <p>   Cache file, or folder to hold it (default: .partnerlintcache)
      --timeout <seconds>    Report a file that takes longer than this to analyse as
                             not analysed, and go on with the others (default 20;
                             overrides limits.timeout in a config file)
      --max-file-size <bytes>
                             Report a file larger than this as not analysed, and go
                             on with the others (default: no limit; overrides
                             limits.maxFileSize in a config file)
      --debug                Print how many files were linted, taken from the cache,
                             and how many worker threads ran, on stderr
  -v, --version              Print the version
  -h, --help                 Print this help

Exit codes:
  0  no errors, and no more warnings than --max-warnings allows
  1  errors found, more warnings than --max-warnings allows, or a plan
     below --min-readiness
  2  usage, configuration or file errors

Many files are linted in parallel, one thread per core; PARTNERLINT_WORKERS=n
sets the most threads to use (1: lint in a single thread). Output is wrapped to
the terminal's width, or to COLUMNS when set (80 when not a terminal).
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        'min-readiness': { type: 'string' },
        detect: { type: 'string' },
        report: { type: 'boolean' },
        init: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        debug: { type: 'boolean' },
        timeout: { type: 'string' },
        'max-file-size': { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  const v = parsed.values;

  const format = v.format ?? 'stylish';
  if (!isOneOf(FORMATS, format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${format}')`);
  }
  let detect: DetectMode | undefined;
  if (v.detect !== undefined) {
    if (!isOneOf(DETECT_MODES, v.detect)) {
      throw new UsageError(`--detect must be one of ${DETECT_MODES.join(', ')} (got '${v.detect}')`);
    }
    detect = v.detect;
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const text = v['max-warnings'].trim();
    if (!/^\d+$/.test(text)) {
      throw new UsageError(`--max-warnings needs a whole number of 0 or more (got '${v['max-warnings']}')`);
    }
    maxWarnings = Number(text);
  }
  let minReadiness: number | undefined;
  if (v['min-readiness'] !== undefined) {
    const text = v['min-readiness'].trim();
    if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
      throw new UsageError(`--min-readiness needs a whole number from 0 to 100 (got '${v['min-readiness']}')`);
    }
    minReadiness = Number(text);
  }
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  if (v.timeout !== undefined) {
    const text = v.timeout.trim();
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0 || Number(text) > MAX_TIMEOUT_SECONDS) {
      throw new UsageError(`--timeout needs a number of seconds above 0 (got '${v.timeout}')`);
    }
    timeout = Number(text);
  }
  let maxFileSize: number | undefined;
  if (v['max-file-size'] !== undefined) {
    const text = v['max-file-size'].trim();
    if (!/^\d{1,16}$/.test(text) || Number(text) < 1) {
      throw new UsageError(`--max-file-size needs a whole number of bytes above 0 (got '${v['max-file-size']}')`);
    }
    maxFileSize = Number(text);
  }
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together');
  if (v['stdin-filename'] !== undefined && !v.stdin) {
    throw new UsageError('--stdin-filename can only be used with --stdin');
  }
  if (v.stdin && parsed.positionals.length > 0) {
    throw new UsageError(`--stdin cannot be combined with paths (got '${parsed.positionals[0]}')`);
  }
  if (v.stdin && v.fix) {
    throw new UsageError('--fix cannot be used with --stdin: there is no file to write');
  }
  if (v['cache-location'] !== undefined && !v.cache) {
    throw new UsageError('--cache-location can only be used with --cache');
  }
  if (v['cache-location'] !== undefined && v['cache-location'].trim() === '') {
    throw new UsageError('--cache-location needs a path');
  }
  if (v.report && format !== 'stylish') {
    throw new UsageError(`--report prints text and works with --format stylish only; the ${format} output already holds the readiness score`);
  }

  return {
    paths: parsed.positionals,
    format,
    fix: v.fix ?? false,
    config: v.config,
    maxWarnings,
    minReadiness,
    detect,
    report: v.report ?? false,
    init: v.init ?? false,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    quiet: v.quiet ?? false,
    version: v.version ?? false,
    help: v.help ?? false,
    color: v.color ? true : v['no-color'] ? false : undefined,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    debug: v.debug ?? false,
    timeout,
    timeoutGiven: v.timeout !== undefined,
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
  };
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Turns parseArgs' errors into one line naming the option. */
function describeParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  const option = /'(-[^']*)'/.exec(message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option ?? message}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing|argument is ambiguous/.test(message)) return `option '${cleanOption(option)}' needs a value`;
      if (/does not take an argument/.test(message)) return `option '${cleanOption(option)}' does not take a value`;
      return message;
    default:
      return message;
  }
}

/** parseArgs names options as "-f, --format <value>"; keep the long name. */
function cleanOption(option: string | undefined): string {
  if (!option) return '?';
  const long = /--[\w-]+/.exec(option);
  return long ? long[0] : option;
}
