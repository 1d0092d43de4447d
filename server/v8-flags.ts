/**
 * V8 flags of the language server process (its analysis thread shares them), set by the entry
 * point (main.ts) before the server compiles its first regular expression.
 *
 * `--no-regexp-tier-up`: a regular expression is compiled to machine code at its first use,
 * instead of to bytecode first and again to machine code at its second. The rules run many
 * expressions, so the double compilation was most of a document's first analysis (several
 * hundred milliseconds before the first diagnostics); matching speed afterwards is the same.
 * (The command line also turns V8's regular-expression optimisation off for short runs; the
 * server keeps it: it slows matching, and the server analyses the same documents again and again.)
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
